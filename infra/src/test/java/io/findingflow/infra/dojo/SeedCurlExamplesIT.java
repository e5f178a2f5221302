package io.findingflow.infra.dojo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's curl examples, replayed as curl sends them (Authorization, Accept: *∕*, the JSON
 * bodies verbatim); only ids and the host are adapted. The objects the seed names ("Web
 * Applications", "My Application") are removed first so the replay can create them again.
 */
class SeedCurlExamplesIT {

    private final DojoApiTestSupport api;
    private final String auth;

    SeedCurlExamplesIT() throws Exception {
        api = new DojoApiTestSupport();
        auth = "Token " + api.admin;
    }

    private StackClient.Response curl(String method, String path, String body) throws Exception {
        return body == null
                ? DojoApiTestSupport.raw(method, path, null, "Authorization", auth, "Accept", "*/*")
                : DojoApiTestSupport.raw(method, path, body, "Authorization", auth, "Accept", "*/*",
                        "Content-Type", "application/json");
    }

    private void removeExisting(String resource, String name) throws Exception {
        String query = "/api/v2/" + resource + "/?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        for (JsonNode existing : api.get(query, api.admin).json().path("results")) {
            assertThat(api.call("DELETE", "/api/v2/" + resource + "/" + existing.path("id").asLong() + "/", api.admin, null)
                    .status()).isEqualTo(204);
        }
    }

    private static long created(StackClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    private static void ok(StackClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().has("results")).as("a paginated list: %s", response.body()).isTrue();
    }

    @Test
    void everyCurlExampleOfTheSeedWorks() throws Exception {
        removeExisting("products", "My Application");
        removeExisting("product_types", "Web Applications");
        ok(curl("GET", "/api/v2/product_types/", null));
        long type = created(curl("POST", "/api/v2/product_types/", """
                {
                    "name": "Web Applications",
                    "description": "All web-based applications"
                  }"""));
        ok(curl("GET", "/api/v2/products/", null));
        long product = created(curl("POST", "/api/v2/products/", """
                {
                    "name": "My Application",
                    "description": "Description of the application",
                    "prod_type": %d
                  }""".formatted(type)));
        assertThat(curl("GET", "/api/v2/products/" + product + "/", null).json().path("name").asText())
                .isEqualTo("My Application");
        StackClient.Response patched = curl("PATCH", "/api/v2/products/" + product + "/", """
                {
                    "description": "Updated description"
                  }""");
        assertThat(patched.json().path("description").asText()).as(patched.body()).isEqualTo("Updated description");
        ok(curl("GET", "/api/v2/engagements/", null));
        long engagement = created(curl("POST", "/api/v2/engagements/", """
                {
                    "name": "Q1 2024 Security Review",
                    "product": %d,
                    "target_start": "2024-01-01",
                    "target_end": "2024-03-31",
                    "engagement_type": "Interactive",
                    "status": "In Progress"
                  }""".formatted(product)));
        ok(curl("GET", "/api/v2/tests/", null));
        long test = created(curl("POST", "/api/v2/tests/", """
                {
                    "engagement": %d,
                    "test_type": 1,
                    "target_start": "2024-01-15",
                    "target_end": "2024-01-15"
                  }""".formatted(engagement)));
        ok(curl("GET", "/api/v2/findings/", null));
        long finding = created(curl("POST", "/api/v2/findings/", """
                {
                    "title": "SQL Injection in Login",
                    "description": "Detailed description of the vulnerability",
                    "severity": "High",
                    "test": %d,
                    "active": true,
                    "verified": true,
                    "cwe": 89,
                    "mitigation": "Use parameterized queries"
                  }""".formatted(test)));
        assertThat(curl("GET", "/api/v2/findings/" + finding + "/", null).json().path("cwe").asInt()).isEqualTo(89);
        StackClient.Response edited = curl("PATCH", "/api/v2/findings/" + finding + "/", """
                {
                    "active": false,
                    "verified": true,
                    "false_p": false
                  }""");
        assertThat(edited.json().path("active").asBoolean(true)).as(edited.body()).isFalse();
        importAndReimport(engagement);
        ok(curl("GET", "/api/v2/endpoints/", null));
        created(curl("POST", "/api/v2/endpoints/", """
                {
                    "host": "api.example.com",
                    "protocol": "https",
                    "port": 443,
                    "path": "/api/v1",
                    "product": %d
                  }""".formatted(product)));
        ok(curl("GET", "/api/v2/test_types/", null));
        ok(curl("GET", "/api/v2/users/", null));
        StackClient.Response python = DojoApiTestSupport.raw("GET", "/api/v2/products/", null,
                "Authorization", auth, "Accept", "application/json");
        ok(python);
        StackClient.Response page = curl("GET", "/api/v2/findings/?limit=100&offset=0", null);
        ok(page);
        assertThat(page.json().path("previous").isNull()).isTrue();
    }

    private void importAndReimport(long engagement) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Trivy Scan");
        fields.put("engagement", String.valueOf(engagement));
        fields.put("minimum_severity", "Info");
        fields.put("active", "true");
        fields.put("verified", "false");
        StackClient.Response imported = DojoApiTestSupport.STACK.postMultipart("/api/v2/import-scan/", api.admin, fields,
                "trivy-results.json", TrivyReports.report(0, 5));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        long test = imported.json().path("test").asLong();
        Map<String, String> again = new LinkedHashMap<>();
        again.put("scan_type", "Trivy Scan");
        again.put("test", String.valueOf(test));
        again.put("do_not_reactivate", "true");
        again.put("build_id", "build-42");
        again.put("commit_hash", "0a1b2c3");
        again.put("branch_tag", "main");
        again.put("version", "1.4.2");
        StackClient.Response reimported = DojoApiTestSupport.STACK.postMultipart("/api/v2/reimport-scan/", api.admin,
                again, "trivy-results.json", TrivyReports.report(0, 5));
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(201);
        JsonNode imports = api.get("/api/v2/test_imports/?test=" + test, api.admin).json();
        assertThat(imports.path("count").asInt()).as("both imports are listed").isEqualTo(2);
        JsonNode second = imports.path("results").get(1);
        assertThat(second.path("type").asText()).as("in the order they were applied").isEqualTo("reimport");
        assertThat(second.path("statistics").has("delta")).isTrue();
        // DefectDojo's Test_Import fields: the request's CI fields and its import settings
        assertThat(second.path("build_id").asText()).isEqualTo("build-42");
        assertThat(second.path("commit_hash").asText()).isEqualTo("0a1b2c3");
        assertThat(second.path("branch_tag").asText()).isEqualTo("main");
        assertThat(second.path("version").asText()).isEqualTo("1.4.2");
        assertThat(second.path("import_settings").path("close_old_findings").asBoolean()).isTrue();
        assertThat(second.path("import_settings").path("minimum_severity").asText()).isEqualTo("Info");
        JsonNode first = imports.path("results").get(0);
        assertThat(first.path("build_id").isNull()).isTrue();
        assertThat(first.path("import_settings").path("active").asBoolean()).isTrue();
        assertThat(first.path("import_settings").path("verified").asBoolean(true)).isFalse();
        assertThat(first.path("import_settings").path("close_old_findings").asBoolean(true)).isFalse();
    }
}
