package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a real DefectDojo CI client does, request by request: look objects up by name (first page
 * only), create what is missing, reimport into the test with form booleans True/False and a
 * scan_date, then record the build on the engagement.
 */
class DefectDojoCiClientIT {

    private final StackClient api = StackClient.fromEnv();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode first(String token, String path) throws Exception {
        JsonNode page = api.get(path, token).json();
        return page.path("results").size() > 0 ? page.path("results").get(0) : null;
    }

    private long create(String token, String path, String json) throws Exception {
        StackClient.Response response = api.postJson(path, token, json);
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theCiClientFlowWorksUnchanged() throws Exception {
        String token = api.adminToken();
        String typeName = "CI " + run;
        assertThat(first(token, "/api/v2/product_types/?name=" + q(typeName))).isNull();
        long type = create(token, "/api/v2/product_types/", "{\"name\": \"" + typeName + "\"}");
        assertThat(first(token, "/api/v2/products/?name=" + q("app-" + run))).isNull();
        long product = create(token, "/api/v2/products/",
                "{\"name\": \"app-" + run + "\", \"description\": \"CI app\", \"prod_type\": " + type + "}");
        String today = LocalDate.now().toString();
        long engagement = create(token, "/api/v2/engagements/", "{\"name\": \"pipeline\", \"product\": " + product
                + ", \"engagement_type\": \"CI/CD\", \"status\": \"In Progress\", \"target_start\": \"" + today
                + "\", \"target_end\": \"" + today + "\"}");
        JsonNode testType = first(token, "/api/v2/test_types/?name=" + q("Trivy Scan"));
        assertThat(testType.path("name").asText()).isEqualTo("Trivy Scan");
        long test = create(token, "/api/v2/tests/", "{\"engagement\": " + engagement + ", \"test_type\": "
                + testType.path("id").asLong() + ", \"target_start\": \"" + today + "T00:00:00Z\", \"target_end\": \""
                + today + "T00:00:00Z\", \"title\": \"trivy\", \"scan_type\": \"Trivy Scan\"}");
        assertThat(first(token, "/api/v2/tests/?engagement=" + engagement + "&title=trivy").path("id").asLong())
                .isEqualTo(test);

        Map<String, String> reimport = Map.of("test", String.valueOf(test), "scan_type", "Trivy Scan",
                "scan_date", today, "active", "True", "verified", "False", "close_old_findings", "True",
                "do_not_reactivate", "False", "minimum_severity", "Info");
        StackClient.Response response = api.postMultipart("/api/v2/reimport-scan/", token, reimport, "trivy.json",
                TrivyReports.report(0, 7));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("test").asLong()).isEqualTo(test);
        assertThat(response.json().path("statistics").path("delta").path("created").path("total").path("total").asInt())
                .isEqualTo(7);
        assertThat(api.get("/api/v2/findings/?test=" + test, token).json().path("count").asInt()).isEqualTo(7);
        assertThat(api.get("/api/v2/findings/?test=" + test + "&verified=false", token).json().path("count").asInt())
                .isEqualTo(7);

        StackClient.Response patched = api.send("PATCH", "/api/v2/engagements/" + engagement + "/", token,
                "application/json", ("{\"build_id\": \"1234\", \"commit_hash\": \"abc123\", \"branch_tag\": \"main\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(api.get("/api/v2/engagements/" + engagement + "/", token).json().path("commit_hash").asText())
                .isEqualTo("abc123");
    }
}
