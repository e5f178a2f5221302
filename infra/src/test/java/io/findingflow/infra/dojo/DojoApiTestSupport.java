package io.findingflow.infra.dojo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.testing.StackClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Shared steps of the DefectDojo API integration tests: requests with any method, users with
 * their own tokens (created through the API), objects created by the admin, JSON in one line.
 */
final class DojoApiTestSupport {

    static final StackClient STACK = StackClient.fromEnv();
    static final String PASSWORD = "Correct-Horse-9";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String admin;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    DojoApiTestSupport() throws Exception {
        this.admin = STACK.adminToken();
    }

    /** {"k": v, ...} from alternating keys and values (numbers, booleans, strings, null). */
    static String json(Object... keysAndValues) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], Json.mapper().valueToTree(keysAndValues[i + 1]));
        }
        return node.toString();
    }

    StackClient.Response call(String method, String path, String token, String body) throws IOException, InterruptedException {
        return STACK.send(method, path, token, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    StackClient.Response get(String path, String token) throws IOException, InterruptedException {
        return STACK.get(path, token);
    }

    /** A request exactly as given: no Accept header, only the headers named (name, value, ...). */
    static StackClient.Response raw(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(STACK.baseUrl() + path)).timeout(Duration.ofMinutes(1));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new StackClient.Response(response.statusCode(), response.body(), response.headers().map());
    }

    /** POST as the admin; must be 201; the new object's JSON. */
    JsonNode create(String resource, String body) throws IOException, InterruptedException {
        StackClient.Response response = call("POST", "/api/v2/" + resource + "/", admin, body);
        assertThat(response.status()).as("POST %s %s → %s", resource, body, response.body()).isEqualTo(201);
        return response.json();
    }

    long createId(String resource, String body) throws IOException, InterruptedException {
        return create(resource, body).path("id").asLong();
    }

    long productType(String name) throws IOException, InterruptedException {
        return createId("product_types", json("name", name + " " + run, "description", "test"));
    }

    long product(String name, long productType) throws IOException, InterruptedException {
        return createId("products", json("name", name + " " + run, "description", "test", "prod_type", productType));
    }

    long engagement(String name, long product) throws IOException, InterruptedException {
        return createId("engagements", json("name", name, "product", product, "target_start", "2024-01-01",
                "target_end", "2024-03-31"));
    }

    long test(long engagement) throws IOException, InterruptedException {
        return createId("tests", json("engagement", engagement, "test_type", 1, "target_start", "2024-01-15",
                "target_end", "2024-01-15"));
    }

    long endpoint(String host, long product) throws IOException, InterruptedException {
        return createId("endpoints", json("host", host, "protocol", "https", "port", 443, "product", product));
    }

    long finding(String title, long test) throws IOException, InterruptedException {
        return createId("findings", json("title", title, "severity", "High", "test", test, "active", true,
                "verified", true, "description", "d"));
    }

    /** A user created by the admin through /users/. */
    long user(String username) throws IOException, InterruptedException {
        return createId("users", json("username", username + "-" + run, "password", PASSWORD,
                "email", username + "@example.com"));
    }

    /** The user's token, from api-token-auth with the password set at creation. */
    static String login(String username) throws IOException, InterruptedException {
        StackClient.Response response = STACK.postJson("/api/v2/api-token-auth/", null,
                json("username", username, "password", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("token").asText();
    }

    String username(String name) {
        return name + "-" + run;
    }
}
