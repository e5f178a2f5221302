package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** People's finding writes go through Kafka and the lifecycle job, and move the metrics with them. */
class FindingEditsIT {

    private static final StackClient STACK = StackClient.fromEnv();
    private String token;
    private long test;
    private long productType;

    @BeforeEach
    void importThreeVerifiedFindings() throws Exception {
        token = STACK.adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        StackClient.Response imported = STACK.postMultipart("/api/v2/import-scan/", token, Map.of(
                "scan_type", "Trivy Scan", "auto_create_context", "true", "verified", "true",
                "product_type_name", "Edits " + run, "product_name", "Edits " + run, "engagement_name", "E"),
                "trivy.json", TrivyReports.report(0, 3));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        test = imported.json().path("test").asLong();
        productType = imported.json().path("product_type_id").asLong();
    }

    private long findingId(int index) throws Exception {
        return STACK.get("/api/v2/findings/?test=" + test + "&o=id", token).json().path("results").get(index).path("id").asLong();
    }

    private StackClient.Response patch(long id, String json) throws Exception {
        return STACK.send("PATCH", "/api/v2/findings/" + id + "/", token, "application/json",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode metrics() throws Exception {
        return STACK.get("/api/v2/metrics/simple/?product_type_id=" + productType, token).json().get(0);
    }

    @Test
    void markingAFalsePositiveAndMitigatingMoveTheCounts() throws Exception {
        assertThat(metrics().path("Total").asInt()).isEqualTo(3);
        StackClient.Response falsePositive = patch(findingId(0), "{\"false_p\": true, \"verified\": false}");
        assertThat(falsePositive.status()).as(falsePositive.body()).isEqualTo(200);
        assertThat(falsePositive.json().path("false_p").asBoolean()).isTrue();
        assertThat(metrics().path("Total").asInt()).isEqualTo(2);

        StackClient.Response mitigated = patch(findingId(1), "{\"is_mitigated\": true}");
        assertThat(mitigated.json().path("active").asBoolean()).isFalse();
        assertThat(mitigated.json().path("mitigated").asText()).isNotEmpty();
        assertThat(metrics().path("Closed").asInt()).isEqualTo(1);

        StackClient.Response reopened = patch(findingId(1), "{\"active\": true}");
        assertThat(reopened.json().path("is_mitigated").asBoolean()).isFalse();
        assertThat(reopened.json().path("mitigated").isNull()).isTrue();
        assertThat(metrics().path("Closed").asInt()).isZero();
        // filters look at the latest version only: older versions that matched do not list a finding
        long first = findingId(0);
        assertThat(count("false_p=true")).isEqualTo(1);
        assertThat(count("false_p=false")).isEqualTo(2);
        assertThat(patch(first, "{\"false_p\": false}").status()).isEqualTo(200);
        assertThat(count("false_p=true")).isZero();
        assertThat(count("false_p=false")).isEqualTo(3);
        String severity = STACK.get("/api/v2/findings/" + first + "/", token).json().path("severity").asText();
        String other = severity.equals("Low") ? "Medium" : "Low";
        long before = count("severity=" + other);
        assertThat(patch(first, "{\"severity\": \"" + other + "\"}").status()).isEqualTo(200);
        assertThat(count("severity=" + other)).isEqualTo(before + 1);
        assertThat(patch(first, "{\"severity\": \"" + severity + "\"}").status()).isEqualTo(200);
        assertThat(count("severity=" + other)).isEqualTo(before);
    }

    private long count(String filter) throws Exception {
        return STACK.get("/api/v2/findings/?test=" + test + "&" + filter, token).json().path("count").asLong();
    }

    @Test
    void invalidEditsAreRefusedWithDefectDojosBodies() throws Exception {
        long id = findingId(0);
        assertThat(patch(id, "{\"severity\": \"Severe\"}").body())
                .isEqualTo("{\"severity\":[\"\\\"Severe\\\" is not a valid choice.\"]}");
        assertThat(patch(id, "{\"false_p\": true, \"verified\": true}").body())
                .isEqualTo("{\"non_field_errors\":[\"False positive findings cannot be verified.\"]}");
        StackClient.Response malformed = patch(id, "{\"active\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).isEqualTo("{\"message\":\"JSON request content is malformed\"}");
        StackClient.Response missing = patch(999_999_999L, "{\"active\": false}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"detail\":\"No Finding matches the given query.\"}");
    }

    @Test
    void aManualFindingIsCreatedAndADeletedOneIsGone() throws Exception {
        StackClient.Response created = STACK.postJson("/api/v2/findings/", token,
                "{\"title\": \"SQL Injection in Login\", \"severity\": \"High\", \"test\": " + test
                        + ", \"active\": true, \"verified\": true, \"cwe\": 89, \"description\": \"d\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("cwe").asInt()).isEqualTo(89);
        assertThat(created.json().path("test").asLong()).isEqualTo(test);
        assertThat(STACK.get("/api/v2/findings/?test=" + test, token).json().path("count").asInt()).isEqualTo(4);
        assertThat(metrics().path("high").asInt()).isEqualTo(1 + 1);

        long id = created.json().path("id").asLong();
        assertThat(STACK.send("DELETE", "/api/v2/findings/" + id + "/", token, null, null).status()).isEqualTo(204);
        assertThat(STACK.get("/api/v2/findings/" + id + "/", token).status()).isEqualTo(404);
        assertThat(STACK.get("/api/v2/findings/?test=" + test, token).json().path("count").asInt()).isEqualTo(3);

        // DefectDojo checks the test (check_post_permission) before it validates the body
        StackClient.Response noTest = STACK.postJson("/api/v2/findings/", token, "{\"title\": \"x\"}");
        assertThat(noTest.status()).isEqualTo(400);
        assertThat(noTest.body()).isEqualTo("{\"detail\":\"Unable to check for permissions: Attribute 'test' is required\"}");
        StackClient.Response incomplete = STACK.postJson("/api/v2/findings/", token, "{\"test\": " + test + "}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body())
                .isEqualTo("{\"title\":[\"This field is required.\"],\"severity\":[\"This field is required.\"]}");
    }
}
