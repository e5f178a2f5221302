package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.custommetrics.auth.TcSignature;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.testing.StackClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP access to /v2 of the test stack as ThreatConnect clients make it: any Authorization header,
 * or signed with an access id and secret (HMAC over path+query, method and timestamp). Also makes
 * users with a global role through the DefectDojo users API.
 */
public final class TcTestClient {

    private final String baseUrl = StackClient.fromEnv().baseUrl();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Sends a request with the given Authorization (and Timestamp) header; no Accept header. */
    public StackClient.Response send(String method, String path, String authorization, String timestamp, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(1));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (timestamp != null) {
            request.header("Timestamp", timestamp);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new StackClient.Response(response.statusCode(), response.body(), response.headers().map());
    }

    /** A request authenticated with {@code Authorization: Token <token>}. */
    public StackClient.Response token(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        return send(method, path, "Token " + token, null, body);
    }

    /** A request signed as ThreatConnect's SDKs sign it, at {@code timestamp} (epoch seconds). */
    public StackClient.Response signed(String method, String path, String accessId, String secret, long timestamp,
            String body) throws IOException, InterruptedException {
        String ts = String.valueOf(timestamp);
        return send(method, path, "TC " + accessId + ":" + TcSignature.sign(secret, path, method, ts), ts, body);
    }

    public StackClient.Response signedNow(String method, String path, String accessId, String secret, String body)
            throws IOException, InterruptedException {
        return signed(method, path, accessId, secret, System.currentTimeMillis() / 1000, body);
    }

    /** Creates an active user through the users API, with a global role (DefectDojo role id, 0 for none); its token. */
    public String userWithGlobalRole(String adminToken, String username, int globalRole)
            throws IOException, InterruptedException {
        String password = "Pw-" + username + "-1x!";
        StackClient.Response user = token("POST", "/api/v2/users/", adminToken, Json.mapper().createObjectNode()
                .put("username", username).put("password", password).put("email", username + "@example.com")
                .put("is_active", true).toString());
        if (user.status() != 201) {
            throw new AssertionError("user not created: " + user.status() + " " + user.body());
        }
        if (globalRole > 0) {
            StackClient.Response role = token("POST", "/api/v2/global_roles/", adminToken, Json.mapper()
                    .createObjectNode().put("user", user.json().path("id").asLong()).put("role", globalRole).toString());
            if (role.status() != 201) {
                throw new AssertionError("global role not given: " + role.status() + " " + role.body());
            }
        }
        StackClient.Response login = send("POST", "/api/v2/api-token-auth/", null, null,
                Json.mapper().createObjectNode().put("username", username).put("password", password).toString());
        if (login.status() != 200) {
            throw new AssertionError("no token for " + username + ": " + login.body());
        }
        return login.json().path("token").asText();
    }

    /** Creates a metric as {@code token}'s user and returns its id. */
    public long createMetric(String token, String name, String dataType, String interval, boolean keyed)
            throws IOException, InterruptedException {
        String body = Json.mapper().createObjectNode().put("name", name).put("dataType", dataType)
                .put("interval", interval).put("keyedValues", keyed).toString();
        StackClient.Response response = token("POST", "/v2/customMetrics", token, body);
        if (response.status() != 201) {
            throw new AssertionError("metric not created: " + response.status() + " " + response.body());
        }
        return data(response).path("customMetricConfig").path("id").asLong();
    }

    public static JsonNode data(StackClient.Response response) {
        return response.json().path("data");
    }
}
