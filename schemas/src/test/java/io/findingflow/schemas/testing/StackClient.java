package io.findingflow.schemas.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP access to the test run's shared stack for integration tests: where it is comes from the
 * environment {@code ./findingflow test} sets (FF_TEST_API_URL, FF_TEST_ADMIN_USER, ...).
 */
public final class StackClient {

    /** A response: status, raw body, and the body as JSON when it is JSON. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StackClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static StackClient fromEnv() {
        return new StackClient(env("FF_TEST_API_URL", "http://127.0.0.1:8080"));
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The admin's token via api-token-auth. */
    public String adminToken() throws IOException, InterruptedException {
        String body = Json.mapper().createObjectNode()
                .put("username", env("FF_TEST_ADMIN_USER", "admin"))
                .put("password", env("FF_TEST_ADMIN_PASSWORD", "admin")).toString();
        Response response = send("POST", "/api/v2/api-token-auth/", null, "application/json", body.getBytes(StandardCharsets.UTF_8));
        if (response.status() != 200) {
            throw new IllegalStateException("api-token-auth answered " + response.status() + ": " + response.body());
        }
        return response.json().path("token").asText();
    }

    public Response get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, null);
    }

    public Response postJson(String path, String token, String json) throws IOException, InterruptedException {
        return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response send(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(3));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response.headers().map());
    }

    /** A multipart/form-data POST: text fields plus one file field named "file". */
    public Response postMultipart(String path, String token, Map<String, String> fields, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----findingflow" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        for (Map.Entry<String, String> field : ordered.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (file != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(file);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, token, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
