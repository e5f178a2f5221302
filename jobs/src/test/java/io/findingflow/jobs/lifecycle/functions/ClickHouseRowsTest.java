package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The streamed finding row against the tree-built row it replaced. */
class ClickHouseRowsTest {

    private static String viaTree(FindingState f, String body, long version, boolean deleted) throws Exception {
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("id", f.id);
        row.put("product_id", f.productId);
        row.put("engagement_id", f.engagementId);
        row.put("test_id", f.testId);
        row.put("title", f.title == null ? "" : f.title);
        row.put("severity", f.severity);
        row.put("date", f.date);
        row.put("active", f.active ? 1 : 0);
        row.put("verified", f.verified ? 1 : 0);
        row.put("false_p", f.falseP ? 1 : 0);
        row.put("duplicate", f.duplicate ? 1 : 0);
        row.put("duplicate_finding", f.duplicateFinding);
        row.put("out_of_scope", f.outOfScope ? 1 : 0);
        row.put("risk_accepted", f.riskAccepted ? 1 : 0);
        row.put("is_mitigated", f.isMitigated ? 1 : 0);
        if (f.mitigated == null) {
            row.putNull("mitigated");
        } else {
            row.put("mitigated", f.mitigated);
        }
        row.put("hash_code", f.hashCode == null ? "" : f.hashCode);
        row.put("unique_id_from_tool", f.uniqueIdFromTool == null ? "" : f.uniqueIdFromTool);
        row.put("cwe", f.cwe);
        row.put("component_name", f.componentName == null ? "" : f.componentName);
        row.put("file_path", f.filePath == null ? "" : f.filePath);
        row.put("created", f.created);
        row.put("deleted", deleted ? 1 : 0);
        row.put("body", body);
        row.put("version", version);
        return Json.mapper().writeValueAsString(row);
    }

    @Test
    void shouldRenderAFindingRowAsTheTreeDid() throws Exception {
        FindingState full = new FindingState();
        full.id = 1L << 40;
        full.productId = 7;
        full.engagementId = 70;
        full.testId = 700;
        full.title = "Ünïcode \"quoted\" \\ \n\t\u0001 </script>";
        full.severity = "High";
        full.date = "2024-03-01";
        full.hashCode = "abc";
        full.uniqueIdFromTool = "u";
        full.cwe = 79;
        full.componentName = "c";
        full.filePath = "/f";
        full.active = true;
        full.verified = true;
        full.duplicate = true;
        full.duplicateFinding = 5;
        full.isMitigated = true;
        full.mitigated = "2024-03-02 00:00:00";
        full.created = "2024-03-05 10:00:00";
        String body = "{\"title\":\"Ünïcode \\\"quoted\\\" 😀 \\u0001 \u0002 \\n </x>\",\"endpoints\":[]}";
        assertThat(ClickHouseRows.finding(full, body.getBytes(StandardCharsets.UTF_8), 99, false).json())
                .isEqualTo(viaTree(full, body, 99, false));

        FindingState sparse = new FindingState();
        sparse.severity = null;
        assertThat(ClickHouseRows.finding(sparse, null, 0, true).json()).isEqualTo(viaTree(sparse, null, 0, true));
        assertThat(ClickHouseRows.finding(full, new byte[] {'{', '}'}, 1, true).table()).isEqualTo("findings");
    }
}
