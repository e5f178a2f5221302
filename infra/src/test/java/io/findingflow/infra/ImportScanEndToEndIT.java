package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton's path on the real stack: a Trivy report posted to import-scan goes through
 * the parser, one Kafka transaction, the Flink lifecycle job and ClickHouse, and is then listed by
 * /api/v2/findings/ and counted by /api/v2/metrics/simple/.
 */
class ImportScanEndToEndIT {

    private static final StackClient STACK = StackClient.fromEnv();
    private static String token;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void logIn() throws Exception {
        token = STACK.adminToken();
    }

    private StackClient.Response importScan(String endpoint, Map<String, String> extra, byte[] report) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "scan_type", "Trivy Scan", "auto_create_context", "true", "verified", "True",
                "product_type_name", "PT " + run, "product_name", "Product " + run, "engagement_name", "CI " + run));
        fields.putAll(extra);
        return STACK.postMultipart(endpoint, token, fields, "trivy.json", report);
    }

    @Test
    void importedTrivyFindingsAreListedAndCountedThenReimportClosesAndCreates() throws Exception {
        StackClient.Response imported = importScan("/api/v2/import-scan/", Map.of(), TrivyReports.report(0, 20));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode body = imported.json();
        long test = body.path("test").asLong();
        long productType = body.path("product_type_id").asLong();
        assertThat(body.path("statistics").path("after").path("total").path("total").asInt()).isEqualTo(20);
        assertThat(body.path("statistics").path("after").path("critical").path("active").asInt()).isEqualTo(4);

        JsonNode findings = STACK.get("/api/v2/findings/?test=" + test + "&limit=100", token).json();
        assertThat(findings.path("count").asInt()).isEqualTo(20);
        assertThat(findings.path("results").get(0).path("test").asLong()).isEqualTo(test);
        assertThat(findings.path("results").get(0).path("hash_code").asText()).hasSize(64);

        JsonNode metrics = STACK.get("/api/v2/metrics/simple/?product_type_id=" + productType, token).json();
        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).path("Total").asInt()).isEqualTo(20);
        assertThat(metrics.get(0).path("critical").asInt()).isEqualTo(4);
        assertThat(metrics.get(0).path("info").asInt()).isEqualTo(4);

        StackClient.Response reimported = importScan("/api/v2/reimport-scan/", Map.of("test", String.valueOf(test)),
                TrivyReports.report(1, 21));
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(201);
        JsonNode delta = reimported.json().path("statistics").path("delta");
        assertThat(delta.path("created").path("total").path("total").asInt()).isEqualTo(1);
        assertThat(delta.path("closed").path("total").path("total").asInt()).isEqualTo(1);
        assertThat(delta.path("untouched").path("total").path("total").asInt()).isEqualTo(19);
        assertThat(reimported.json().path("test").asLong()).isEqualTo(test);

        JsonNode active = STACK.get("/api/v2/findings/?test=" + test + "&active=true&limit=100", token).json();
        assertThat(active.path("count").asInt()).isEqualTo(20);
        // DefectDojo's product fields: the active findings, and the model defaults of an auto-created product
        JsonNode product = STACK.get("/api/v2/products/" + body.path("product_id").asLong() + "/", token).json();
        assertThat(product.path("findings_count").asInt()).isEqualTo(20);
        java.util.List<Long> activeIds = new java.util.ArrayList<>();
        active.path("results").forEach(f -> activeIds.add(f.path("id").asLong()));
        java.util.List<Long> listed = new java.util.ArrayList<>();
        product.path("findings_list").forEach(id -> listed.add(id.asLong()));
        assertThat(listed).containsExactlyElementsOf(activeIds);
        assertThat(product.path("created").asText()).isNotEmpty();
        assertThat(product.path("enable_full_risk_acceptance").asBoolean()).isTrue();
        assertThat(product.path("sla_configuration").asInt()).isEqualTo(1);
        JsonNode closed = STACK.get("/api/v2/findings/?test=" + test + "&is_mitigated=true", token).json();
        assertThat(closed.path("count").asInt()).isEqualTo(1);
        assertThat(closed.path("results").get(0).path("title").asText()).contains("CVE-2099-10000");
        assertThat(closed.path("results").get(0).path("mitigated").asText()).isNotEmpty();
        JsonNode after = STACK.get("/api/v2/metrics/simple/?product_type_id=" + productType, token).json().get(0);
        assertThat(after.path("Total").asInt()).isEqualTo(21);
        assertThat(after.path("Closed").asInt()).isEqualTo(1);
    }

    @Test
    void aMalformedReportIsA400AndCreatesNothing() throws Exception {
        StackClient.Response response = importScan("/api/v2/import-scan/", Map.of(),
                "{\"SchemaVersion\": 2, \"Results\": [".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("file").get(0).asText()).startsWith("Invalid");
        JsonNode products = STACK.get("/api/v2/products/?name=" + java.net.URLEncoder.encode("Product " + run,
                StandardCharsets.UTF_8), token).json();
        assertThat(products.path("count").asInt()).as("no context was created").isZero();
    }

    @Test
    void anUnknownScanTypeIsA400NamingTheField() throws Exception {
        StackClient.Response response = importScan("/api/v2/import-scan/", Map.of("scan_type", "No Such Scan"),
                TrivyReports.report(0, 1));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"scan_type\":[\"\\\"No Such Scan\\\" is not a valid choice.\"]}");
    }

    @Test
    void requestsWithoutOrWithABadTokenAre403WithDefectDojosBodies() throws Exception {
        StackClient.Response none = STACK.get("/api/v2/findings/", null);
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
        StackClient.Response bad = STACK.get("/api/v2/findings/", "0123456789012345678901234567890123456789");
        assertThat(bad.status()).isEqualTo(403);
        assertThat(bad.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
        StackClient.Response wrongMethod = STACK.send("DELETE", "/api/v2/findings/", token, null, null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"detail\":\"Method \\\"DELETE\\\" not allowed.\"}");
        StackClient.Response login = STACK.postJson("/api/v2/api-token-auth/", null,
                "{\"username\":\"admin\",\"password\":\"wrong\"}");
        assertThat(login.status()).isEqualTo(400);
        assertThat(login.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
    }

    @Test
    void prometheusMetricsCountRequestsImportsAndKafkaLag() throws Exception {
        assertThat(importScan("/api/v2/import-scan/", Map.of(), TrivyReports.report(0, 2)).status()).isEqualTo(201);
        StackClient.Response metrics = STACK.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("findingflow_http_requests_total{method=\"POST\",route=\"/api/v2/import-scan/\",status=\"201\",}")
                .contains("findingflow_import_duration_seconds_count{type=\"import\",}")
                .containsPattern("findingflow_kafka_consumer_lag\\{group=\"findingflow-lifecycle\",topic=\"[^\"]+\",\\} [0-9]");
    }

    @Test
    void healthReportsEveryComponentUp() throws Exception {
        StackClient.Response health = STACK.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("flink").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("clickhouse").path("status").asText()).isEqualTo("UP");
    }
}
