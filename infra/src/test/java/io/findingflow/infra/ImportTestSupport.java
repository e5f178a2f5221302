package io.findingflow.infra;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Names unique to one test and import calls against the shared stack. */
final class ImportTestSupport {

    final StackClient api;
    final String token;
    final String run;

    ImportTestSupport(StackClient api, String token) {
        this(api, token, UUID.randomUUID().toString().substring(0, 8));
    }

    /** Another API process working on the same run's names. */
    ImportTestSupport(StackClient api, String token, String run) {
        this.api = api;
        this.token = token;
        this.run = run;
    }

    /** import-scan or reimport-scan of Trivy findings from … to-1 into this run's product/engagement. */
    JsonNode scan(String endpoint, int from, int to, String... extra) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Trivy Scan");
        fields.put("auto_create_context", "true");
        fields.put("verified", "true");
        fields.put("product_type_name", "Semantics " + run);
        fields.put("product_name", "Semantics " + run);
        fields.put("engagement_name", "Engagement " + run);
        for (int i = 0; i < extra.length; i += 2) {
            fields.put(extra[i], extra[i + 1]);
        }
        StackClient.Response response = api.postMultipart("/api/v2/" + endpoint + "/", token, fields, "trivy.json",
                TrivyReports.report(from, to));
        if (response.status() != 201) {
            throw new AssertionError(endpoint + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    JsonNode findings(String query) throws Exception {
        return api.get("/api/v2/findings/?limit=1000&" + query, token).json();
    }

    static int stat(JsonNode response, String path) {
        JsonNode node = response.path("statistics");
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.asInt(-1);
    }
}
