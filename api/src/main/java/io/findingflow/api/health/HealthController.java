package io.findingflow.api.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.entities.EntityLog;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}: 200 when Kafka (the entities log is replayed), ClickHouse and every Flink
 * job (RUNNING, from the Flink REST API) are ready; 503 naming what is not.
 */
public final class HealthController {

    private final EntityLog entityLog;
    private final ClickHouseReader clickHouse;
    private final String flinkRestUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public HealthController(EntityLog entityLog, ClickHouseReader clickHouse, String flinkRestUrl) {
        this.entityLog = entityLog;
        this.clickHouse = clickHouse;
        this.flinkRestUrl = flinkRestUrl;
    }

    public void get(Context ctx) {
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("api", Map.of("status", "UP"));
        components.put("kafka", entityLog.caughtUp() ? Map.of("status", "UP")
                : Map.of("status", "DOWN", "detail", entityLog.failure() == null
                        ? "entities log not replayed yet" : entityLog.failure().toString()));
        components.put("clickhouse", clickHouse.ping() ? Map.of("status", "UP")
                : Map.of("status", "DOWN", "detail", "no answer to SELECT 1"));
        components.put("flink", flink());
        boolean up = components.values().stream().allMatch(c -> "UP".equals(((Map<?, ?>) c).get("status")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        ctx.status(up ? 200 : 503).json(body);
    }

    private Map<String, Object> flink() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(flinkRestUrl + "/jobs/overview")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode jobs = Json.mapper().readTree(response.body()).path("jobs");
            Map<String, Object> states = new LinkedHashMap<>();
            boolean running = false;
            boolean allRunning = true;
            for (JsonNode job : jobs) {
                String state = job.path("state").asText();
                if (isTerminal(state)) {
                    continue; // cancelled/finished runs of earlier starts stay listed
                }
                states.put(job.path("name").asText(), state);
                running |= state.equals("RUNNING");
                allRunning &= state.equals("RUNNING");
            }
            if (running && allRunning) {
                return Map.of("status", "UP", "jobs", states);
            }
            return Map.of("status", "DOWN", "jobs", states);
        } catch (Exception e) {
            return Map.of("status", "DOWN", "detail", "Flink REST API not reachable at " + flinkRestUrl);
        }
    }

    private static boolean isTerminal(String state) {
        return state.equals("CANCELED") || state.equals("FINISHED") || state.equals("FAILED");
    }
}
