package io.findingflow.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.bench.Progress;
import io.findingflow.bench.http.ApiClient;
import io.findingflow.schemas.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * ThreatConnect custom metrics ({@code /v2/customMetrics}). {@code custom_points_per_s}: a keyed
 * daily Sum metric receives points as JSON arrays from concurrent clients (50 keys, 30 days), and
 * the clock stops when the series counts every point. {@code return_value_p99_ms}: single points
 * to an hourly Average with {@code ?returnValue=true}, each answered once its bucket includes it.
 */
public final class CustomMetricsLoad {

    private static final int KEYS = 50;
    private static final int DAYS = 30;

    /** Points ingested and the wall time until all were counted. */
    public record IngestResult(long points, int batchSize, int clients, double seconds, double lastAnswerSeconds) {
        public double pointsPerSecond() {
            return points / seconds;
        }
    }

    private CustomMetricsLoad() {}

    /** Null when the API serves custom metrics, else why not. */
    public static String unavailable(ApiClient api) throws Exception {
        ApiClient.Response list = api.get("/v2/customMetrics?resultLimit=1");
        if (list.status() != 200 || !"Success".equals(list.json().path("status").asText())) {
            return "GET /v2/customMetrics answered " + list.status();
        }
        return null;
    }

    public static long create(ApiClient api, String name, String dataType, String interval, boolean keyed)
            throws Exception {
        ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("dataType", dataType)
                .put("interval", interval).put("keyedValues", keyed).put("description", "findingflow bench");
        JsonNode created = api.postJson("/v2/customMetrics", body.toString()).expect(201, "POST /v2/customMetrics").json();
        return created.path("data").path("customMetricConfig").path("id").asLong();
    }

    public static IngestResult ingest(ApiClient api, long metricId, long points, int batchSize, int clients,
            Progress progress) throws Exception {
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(DAYS, ChronoUnit.DAYS);
        long batches = (points + batchSize - 1) / batchSize;
        List<String> bodies = new ArrayList<>();
        for (long b = 0; b < batches; b++) {
            ArrayNode array = Json.mapper().createArrayNode();
            for (long n = b * batchSize; n < Math.min(points, (b + 1) * batchSize); n++) {
                array.addObject().put("value", n % 100).put("name", "key-" + (n % KEYS))
                        .put("date", start.plus(n % DAYS, ChronoUnit.DAYS).plus(n % 24, ChronoUnit.HOURS).toString());
            }
            bodies.add(array.toString());
        }
        String path = "/v2/customMetrics/" + metricId + "/data";
        AtomicLong posted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        try (AutoCloseable ticker = progress.every(5, () -> String.format(Locale.ROOT,
                "custom metrics: %,d/%,d points accepted", posted.get(), points))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                futures.add(pool.submit(() -> {
                    for (int b = client; b < bodies.size(); b += clients) {
                        api.postJson(path, bodies.get(b)).expect(204, "POST " + path);
                        posted.addAndGet(Math.min(batchSize, points - (long) b * batchSize));
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double lastAnswer = (System.nanoTime() - begin) / 1e9;
            long counted = awaitCounted(api, path, points);
            if (counted < points) {
                progress.line("custom metrics: only " + counted + " of " + points + " points counted after 10 minutes");
            }
            return new IngestResult(counted, batchSize, clients, (System.nanoTime() - begin) / 1e9, lastAnswer);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sum of the series' per-bucket counts, polled until it reaches {@code expected}. */
    private static long awaitCounted(ApiClient api, String path, long expected) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        long counted = 0;
        while (System.nanoTime() < deadline) {
            JsonNode series = api.get(path + "?resultLimit=10000").expect(200, "GET " + path).json();
            counted = 0;
            for (JsonNode bucket : series.path("data").path("customMetricValue")) {
                counted += bucket.path("count").asLong();
            }
            if (counted >= expected) {
                return counted;
            }
            Thread.sleep(100);
        }
        return counted;
    }

    /** Single points with ?returnValue=true; each answer must carry the bucket's value. */
    public static LoadRun.Result returnValue(ApiClient api, long metricId, int requests, int clients, Progress progress)
            throws Exception {
        String path = "/v2/customMetrics/" + metricId + "/data?returnValue=true";
        return LoadRun.run("returnValue", requests, Math.max(10, requests / 10), clients, n -> {
            ApiClient.Response response = api.postJson(path, "{\"value\": " + (n % 100) + "}");
            if (response.status() != 200 || !response.json().has("value")) {
                throw new IllegalStateException("returnValue answered " + response.status() + ": " + response.body());
            }
        }, progress);
    }
}
