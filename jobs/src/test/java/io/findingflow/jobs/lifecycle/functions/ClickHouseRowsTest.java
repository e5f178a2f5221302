package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The TabSeparated finding row against the tree-built JSON row it replaced. */
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
    void shouldRenderAFindingRowWithTheValuesOfTheJsonRowItReplaced() throws Exception {
        FindingState full = new FindingState();
        full.id = 1L << 40;
        full.productId = 7;
        full.engagementId = 70;
        full.testId = 700;
        full.title = "Ünïcode \"quoted\" \\ \n\t\r\u0000\b\f\u0001 </script>";
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
        ClickHouseRow row = ClickHouseRows.finding(full, body.getBytes(StandardCharsets.UTF_8), 99, false);
        assertThat(row.table()).isEqualTo("findings");
        assertThat(FindingRowJson.json(row)).isEqualTo(viaTree(full, body, 99, false));

        FindingState sparse = new FindingState();
        sparse.severity = null;
        sparse.created = "2024-03-05 10:00:00";
        sparse.date = "2024-03-01";
        // absent strings (and a missing body: the column is not Nullable) are empty, mitigated NULL
        FindingState expected = sparse.copy();
        expected.severity = "";
        assertThat(FindingRowJson.json(ClickHouseRows.finding(sparse, null, 0, true)))
                .isEqualTo(viaTree(expected, "", 0, true));
    }

    @Test
    void shouldEscapeEachSpecialByteAsClickHouseReadsIt() {
        FindingState f = new FindingState();
        f.title = "a\tb\\c\nd\re\u0000f\bg\fh é";
        f.severity = "Low";
        f.date = "2024-03-01";
        f.created = "2024-03-05 10:00:00";
        ClickHouseRow row = ClickHouseRows.finding(f, "{\"x\":\"\\\"\\\\\"}".getBytes(StandardCharsets.UTF_8), 3, false);
        assertThat(row.text()).isEqualTo(
                "0\t0\t0\t0\ta\\tb\\\\c\\nd\\re\\0f\\bg\\fh é\tLow\t2024-03-01\t0\t0\t0\t0\t0\t0\t0\t0\t\\N"
                        + "\t\t\t0\t\t\t2024-03-05 10:00:00\t0\t{\"x\":\"\\\\\"\\\\\\\\\"}\t3");
        assertThat(row.format().columns()).hasSize(25).startsWith("id").endsWith("body", "version");
    }
}
