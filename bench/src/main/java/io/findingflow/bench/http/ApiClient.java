package io.findingflow.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The benchmark's HTTP client for the API: HTTP/1.1 keep-alive on loopback (no h2c upgrade dance),
 * DefectDojo token auth. Thread-safe; one instance is shared by all load-generating threads.
 */
public final class ApiClient {

    /** Status and body of one answer. */
    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + abbreviate(body), e);
            }
        }

        public Response expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviate(body));
            }
            return this;
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private volatile String token;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread thread = new Thread(r, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Logs in with api-token-auth; later calls send the token. */
    public void logIn(String user, String password) throws IOException, InterruptedException {
        String body = Json.mapper().createObjectNode().put("username", user).put("password", password).toString();
        Response response = send("POST", "/api/v2/api-token-auth/", "application/json",
                body.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(30)).expect(200, "api-token-auth");
        token = response.json().path("token").asText();
    }

    public Response get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null, Duration.ofSeconds(60));
    }

    public Response postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
    }

    /** multipart/form-data: the text fields, then the report as the "file" field. */
    public Response postMultipart(String path, Map<String, String> fields, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----findingflow-bench-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 2048);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send("POST", path, "multipart/form-data; boundary=" + boundary, out.toByteArray(), Duration.ofMinutes(10));
    }

    private Response send(String method, String path, String contentType, byte[] body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    static String abbreviate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }
}
