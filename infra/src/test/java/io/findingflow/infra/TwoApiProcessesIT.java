package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two API processes on one Kafka and ClickHouse behave as one (DESIGN §1). */
class TwoApiProcessesIT {

    private static final StackClient FIRST = StackClient.fromEnv();
    private static SecondApiProcess second;
    private static String token;

    @BeforeAll
    static void startSecondProcess() throws Exception {
        second = SecondApiProcess.start();
        token = FIRST.adminToken();
    }

    @AfterAll
    static void stopSecondProcess() {
        second.close();
    }

    @Test
    void twentyConcurrentAutoCreateImportsCreateEachObjectOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> fields = Map.of("scan_type", "Trivy Scan", "auto_create_context", "True",
                "product_type_name", "Race " + run, "product_name", "Race " + run, "engagement_name", "Race " + run);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<StackClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StackClient api = i % 2 == 0 ? FIRST : second.client();
            int from = i * 3;
            calls.add(pool.submit(() -> api.postMultipart("/api/v2/import-scan/", token, fields, "trivy.json",
                    TrivyReports.report(from, from + 3))));
        }
        Set<Long> productTypes = new HashSet<>();
        Set<Long> products = new HashSet<>();
        Set<Long> engagements = new HashSet<>();
        Set<Long> tests = new HashSet<>();
        for (Future<StackClient.Response> call : calls) {
            StackClient.Response response = call.get();
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            JsonNode body = response.json();
            productTypes.add(body.path("product_type_id").asLong());
            products.add(body.path("product_id").asLong());
            engagements.add(body.path("engagement_id").asLong());
            tests.add(body.path("test").asLong());
        }
        pool.shutdown();
        assertThat(productTypes).hasSize(1);
        assertThat(products).hasSize(1);
        assertThat(engagements).hasSize(1);
        assertThat(tests).as("every import-scan creates its own test").hasSize(20);
        String name = URLEncoder.encode("Race " + run, StandardCharsets.UTF_8);
        assertThat(second.client().get("/api/v2/product_types/?name=" + name, token).json().path("count").asInt()).isEqualTo(1);
        assertThat(FIRST.get("/api/v2/products/?name=" + name, token).json().path("count").asInt()).isEqualTo(1);
        assertThat(FIRST.get("/api/v2/engagements/?product=" + products.iterator().next(), token).json()
                .path("count").asInt()).isEqualTo(1);
        assertThat(second.client().get("/api/v2/findings/?test__engagement__product=" + products.iterator().next(), token)
                .json().path("count").asInt()).isEqualTo(60);
    }

    @Test
    void concurrentCreatesOfOneProductNameGiveExactlyOne201() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StackClient.Response type = FIRST.postJson("/api/v2/product_types/", token, "{\"name\": \"Unique " + run + "\"}");
        assertThat(type.status()).as(type.body()).isEqualTo(201);
        String body = "{\"name\": \"Unique " + run + "\", \"description\": \"d\", \"prod_type\": " + type.json().path("id") + "}";
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<StackClient.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StackClient api = i % 2 == 0 ? FIRST : second.client();
            calls.add(pool.submit(() -> api.postJson("/api/v2/products/", token, body)));
        }
        int created = 0;
        for (Future<StackClient.Response> call : calls) {
            StackClient.Response response = call.get();
            if (response.status() == 201) {
                created++;
            } else {
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).isEqualTo("{\"name\":[\"product with this name already exists.\"]}");
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
    }

    @Test
    void aWriteOnOneProcessIsVisibleToTheWritersNextReadOnTheOther() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StackClient.Response created = FIRST.postJson("/api/v2/product_types/", token, "{\"name\": \"Visible " + run + "\"}");
        long id = created.json().path("id").asLong();
        // the second process applies the log before answering entity reads it has not seen yet
        assertThat(second.client().get("/api/v2/product_types/" + id + "/", token).status()).isEqualTo(200);
    }
}
