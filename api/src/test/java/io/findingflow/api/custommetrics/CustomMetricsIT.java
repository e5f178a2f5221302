package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcTestClient.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ThreatConnect custom metrics on the real stack: the API, Kafka, the Flink job and ClickHouse.
 * The client flow of ThreatConnect's own code, returnValue under concurrent writers, batches of
 * every data type, reading series back, and deleting.
 */
class CustomMetricsIT {

    private static final TcTestClient TC = new TcTestClient();
    private static String admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void logIn() throws Exception {
        admin = StackClient.fromEnv().adminToken();
    }

    @Test
    void threatConnectsClientListsCreatesThenPostsDataToTheMetricsId() throws Exception {
        StackClient.Response list = TC.send("GET", "/v2/customMetrics?resultLimit=50&resultStart=0",
                "TC-Token " + admin, null, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("status").asText()).isEqualTo("Success");
        assertThat(data(list).path("customMetricConfig").isArray()).isTrue();

        String name = "tasksCompleted-" + run;
        StackClient.Response created = TC.token("POST", "/v2/customMetrics", admin, "{\"name\":\"" + name
                + "\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"keyedValues\":false,\"description\":\"Track tasks.\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = data(created).path("customMetricConfig").path("id").asLong();
        String config = "{\"id\":" + id + ",\"name\":\"" + name
                + "\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"keyedValues\":false,\"description\":\"Track tasks.\"}";
        assertThat(created.body()).isEqualTo("{\"status\":\"Success\",\"data\":{\"customMetricConfig\":" + config + "}}");
        assertThat(TC.token("GET", "/v2/customMetrics/" + id, admin, null).body()).isEqualTo(created.body());
        assertThat(TC.token("GET", "/v2/customMetrics/" + name, admin, null).body()).isEqualTo(created.body());
        JsonNode all = data(TC.token("GET", "/v2/customMetrics?resultLimit=10000", admin, null));
        assertThat(all.path("customMetricConfig").toString()).contains(config);
        assertThat(all.path("resultCount").asInt()).isEqualTo(all.path("customMetricConfig").size());

        StackClient.Response plain = TC.token("POST", "/v2/customMetrics/" + id + "/data", admin, "{\"value\":\"2\"}");
        assertThat(plain.status()).isEqualTo(204);
        assertThat(plain.body()).isEmpty();
        String path = "/v2/customMetrics/" + id + "/data?returnValue=true";
        assertThat(TC.token("POST", path, admin, "{\"value\":\"3\",\"date\":\"2018-01-19T14:44:00Z\"}").body())
                .isEqualTo("{\"value\":3.0,\"date\":\"2018-01-19T00:00:00Z\"}");
        assertThat(TC.token("POST", path, admin, "{\"value\":\"2\",\"date\":\"2018-01-19T23:59:59Z\"}").body())
                .isEqualTo("{\"value\":5.0,\"date\":\"2018-01-19T00:00:00Z\"}");
        StackClient.Response today = TC.token("POST", "/v2/customMetrics/" + name + "/data?returnValue=true", admin,
                "{\"value\":1}");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body()).isEqualTo("{\"value\":3.0,\"date\":\""
                + LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC) + "\"}");
    }

    @Test
    void concurrentWritersWithReturnValueGetExactSumsThatIncludeTheirOwnPoints() throws Exception {
        long id = TC.createMetric(admin, "runs-" + run, "Sum", "Hourly", true);
        int writers = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<List<Double>>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                List<Double> seen = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    StackClient.Response r = TC.token("POST", "/v2/customMetrics/" + id + "/data?returnValue=true", admin,
                            "{\"name\":\"app1\",\"value\":\"1\",\"date\":\"2024-02-29T23:59:59Z\"}");
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.json().path("date").asText()).isEqualTo("2024-02-29T23:00:00Z");
                    seen.add(r.json().path("value").asDouble());
                }
                return seen;
            }));
        }
        double max = 0;
        for (Future<List<Double>> result : results) {
            List<Double> seen = result.get();
            for (int i = 1; i < seen.size(); i++) {
                assertThat(seen.get(i)).as("a writer's later point sees a larger sum").isGreaterThan(seen.get(i - 1));
            }
            assertThat(seen).allSatisfy(v -> assertThat(v).isBetween(1d, (double) writers * each));
            max = Math.max(max, seen.get(seen.size() - 1));
        }
        pool.shutdown();
        assertThat(max).as("the last point's answer holds every point").isEqualTo(writers * each);
        JsonNode series = data(TC.token("GET", "/v2/customMetrics/" + id + "/data?key=app1", admin, null));
        assertThat(series.path("customMetricValue").toString()).isEqualTo(
                "[{\"name\":\"app1\",\"date\":\"2024-02-29T23:00:00Z\",\"value\":200.0,\"count\":200}]");
    }

    @Test
    void batchesAggregateEveryDataTypeAcrossBucketBoundariesWithLatePoints() throws Exception {
        String[][] types = {{"Sum", "Hourly", "11.0"}, {"Count", "Daily", "3.0"}, {"Min", "Weekly", "2.0"},
            {"Max", "Monthly", "5.0"}, {"First", "Yearly", "4.0"}, {"Last", "Daily", "2.0"},
            {"Average", "Weekly", String.valueOf(19 / 6d)}};
        for (String[] type : types) {
            String[] b = MetricBuckets.of(type[1]);
            long id = TC.createMetric(admin, type[0] + "-" + run, type[0], type[1], false);
            String batch = "[{\"value\":5,\"date\":\"" + Instant.parse(b[0]).plusSeconds(1) + "\"},"
                    + "{\"value\":\"2\",\"weight\":\"3\",\"date\":\"" + b[1] + "\"},"
                    + "{\"value\":7,\"date\":\"" + b[2] + "\"},"
                    + "{\"value\":4,\"weight\":2,\"date\":\"" + b[0] + "\"}]";
            StackClient.Response answer = TC.token("POST", "/v2/customMetrics/" + id + "/data?returnValue=true", admin, batch);
            String single = type[0].equals("Count") ? "1.0" : "7.0";
            String inBucket = "{\"value\":" + type[2] + ",\"date\":\"" + b[0] + "\"}";
            assertThat(answer.body()).as(type[0]).isEqualTo("[" + inBucket + "," + inBucket + ",{\"value\":" + single
                    + ",\"date\":\"" + b[2] + "\"}," + inBucket + "]");
            JsonNode series = data(TC.token("GET", "/v2/customMetrics/" + id + "/data?from=" + b[1] + "&to=" + b[2],
                    admin, null));
            assertThat(series.toString()).as(type[0]).isEqualTo("{\"resultCount\":2,\"customMetricValue\":["
                    + "{\"date\":\"" + b[0] + "\",\"value\":" + type[2] + ",\"count\":3},"
                    + "{\"date\":\"" + b[2] + "\",\"value\":" + single + ",\"count\":1}]}");
        }
    }

    @Test
    void seriesOfAKeyedMetricFilterByKeyRangeAndPage() throws Exception {
        long id = TC.createMetric(admin, "keyed-" + run, "Max", "Daily", true);
        TC.token("POST", "/v2/customMetrics/" + id + "/data?returnValue=true", admin, "[{\"name\":\"a\",\"value\":1,"
                + "\"date\":\"2024-03-01T10:00:00Z\"},{\"name\":\"b\",\"value\":9,\"date\":\"2024-03-01T11:00:00Z\"},"
                + "{\"name\":\"a\",\"value\":3,\"date\":\"2024-03-02T10:00:00Z\"},{\"name\":\"a\",\"value\":2,"
                + "\"date\":\"2024-03-03T00:00:00Z\"}]");
        String base = "/v2/customMetrics/" + id + "/data";
        assertThat(data(TC.token("GET", base + "?key=a&from=2024-03-01T23:00:00Z&to=2024-03-02T00:00:00Z", admin, null))
                .toString()).isEqualTo("{\"resultCount\":2,\"customMetricValue\":["
                        + "{\"name\":\"a\",\"date\":\"2024-03-01T00:00:00Z\",\"value\":1.0,\"count\":1},"
                        + "{\"name\":\"a\",\"date\":\"2024-03-02T00:00:00Z\",\"value\":3.0,\"count\":1}]}");
        JsonNode page = data(TC.token("GET", base + "?resultStart=2&resultLimit=1", admin, null));
        assertThat(page.path("resultCount").asInt()).isEqualTo(4);
        assertThat(page.path("customMetricValue").toString())
                .isEqualTo("[{\"name\":\"a\",\"date\":\"2024-03-03T00:00:00Z\",\"value\":2.0,\"count\":1}]");
    }

    @Test
    void deletingAMetricRemovesItAndItsDataFromReads() throws Exception {
        String name = "doomed-" + run;
        long id = TC.createMetric(admin, name, "Sum", "Daily", false);
        assertThat(TC.token("POST", "/v2/customMetrics/" + name + "/data?returnValue=true", admin,
                "{\"value\":5,\"date\":\"2024-01-01T00:00:00Z\"}").status()).isEqualTo(200);
        StackClient.Response deleted = TC.token("DELETE", "/v2/customMetrics/" + name, admin, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"status\":\"Success\"}");
        String notFound = "{\"status\":\"Failure\",\"message\":\"The requested resource was not found\"}";
        for (StackClient.Response gone : List.of(TC.token("GET", "/v2/customMetrics/" + id, admin, null),
                TC.token("GET", "/v2/customMetrics/" + id + "/data", admin, null),
                TC.token("POST", "/v2/customMetrics/" + id + "/data", admin, "{\"value\":1}"),
                TC.token("DELETE", "/v2/customMetrics/" + id, admin, null))) {
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo(notFound);
        }
        assertThat(data(TC.token("GET", "/v2/customMetrics?resultLimit=10000", admin, null)).toString())
                .doesNotContain("\"name\":\"" + name + "\"");
        long again = TC.createMetric(admin, name, "Sum", "Daily", false);
        assertThat(again).isNotEqualTo(id);
        assertThat(data(TC.token("GET", "/v2/customMetrics/" + name + "/data", admin, null)).toString())
                .isEqualTo("{\"resultCount\":0,\"customMetricValue\":[]}");
    }
}
