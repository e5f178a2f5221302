package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Passwords;
import io.findingflow.api.custommetrics.auth.TcSignature;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.testing.StackClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * HTTP access to /v2 of the test stack as ThreatConnect clients make it: any Authorization header,
 * or signed with an access id and secret (HMAC over path+query, method and timestamp). Also makes
 * users with a global role, which no API creates yet: their entity goes into the entities topic
 * the way the API writes it, then they log in through api-token-auth like anyone else.
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

    /** Creates an active user with a global role (DefectDojo role id, 0 for none) and returns its API token. */
    public String userWithGlobalRole(String username, int globalRole) throws Exception {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("username", username).put("email", username + "@example.com").put("first_name", "")
                .put("last_name", "").put("is_active", true).put("is_superuser", false).put("is_staff", false)
                .put("password", Passwords.hash("pw-" + username));
        if (globalRole > 0) {
            data.put("global_role", globalRole);
        }
        ObjectNode record = Json.mapper().createObjectNode().put("kind", EntityKind.USER).put("op", "ensure");
        record.set("data", data);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackClient.env("FF_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:20800"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(StackClient.env("FF_TEST_TOPIC_PREFIX", "ff.") + "entities", 0,
                    "user:" + username, Json.mapper().writeValueAsBytes(record))).get();
        }
        String login = Json.mapper().createObjectNode().put("username", username).put("password", "pw-" + username)
                .toString();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) { // the API applies the record asynchronously; bounded wait for its login to work
            StackClient.Response response = send("POST", "/api/v2/api-token-auth/", null, null, login);
            if (response.status() == 200) {
                return response.json().path("token").asText();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("user " + username + " never became usable: " + response.body());
            }
            Thread.sleep(100);
        }
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
