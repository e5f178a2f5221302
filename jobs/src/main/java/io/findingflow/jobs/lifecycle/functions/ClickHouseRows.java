package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;

/** Renders lifecycle state as JSONEachRow lines for the tables of schemas/clickhouse/*.sql. */
final class ClickHouseRows {

    private static final ObjectMapper MAPPER = Json.mapper();

    private ClickHouseRows() {}

    static ClickHouseRow finding(FindingState f, String body, long version, boolean deleted) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("id", f.id);
        row.put("product_id", f.productId);
        row.put("engagement_id", f.engagementId);
        row.put("test_id", f.testId);
        row.put("title", nullToEmpty(f.title));
        row.put("severity", f.severity);
        row.put("date", f.date);
        row.put("active", bit(f.active));
        row.put("verified", bit(f.verified));
        row.put("false_p", bit(f.falseP));
        row.put("duplicate", bit(f.duplicate));
        row.put("duplicate_finding", f.duplicateFinding);
        row.put("out_of_scope", bit(f.outOfScope));
        row.put("risk_accepted", bit(f.riskAccepted));
        row.put("is_mitigated", bit(f.isMitigated));
        if (f.mitigated == null) {
            row.putNull("mitigated");
        } else {
            row.put("mitigated", f.mitigated);
        }
        row.put("hash_code", nullToEmpty(f.hashCode));
        row.put("unique_id_from_tool", nullToEmpty(f.uniqueIdFromTool));
        row.put("cwe", f.cwe);
        row.put("component_name", nullToEmpty(f.componentName));
        row.put("file_path", nullToEmpty(f.filePath));
        row.put("created", f.created);
        row.put("deleted", bit(deleted));
        row.put("body", body);
        row.put("version", version);
        return new ClickHouseRow("findings", write(row));
    }

    static ClickHouseRow monthCounts(long productId, String monthSeverity, MonthCounts counts, long version) {
        int bar = monthSeverity.indexOf('|');
        ObjectNode row = MAPPER.createObjectNode();
        row.put("product_id", productId);
        row.put("month", monthSeverity.substring(0, bar));
        row.put("severity", monthSeverity.substring(bar + 1));
        row.put("total_verified", counts.totalVerified);
        row.put("total_any", counts.totalAny);
        row.put("closed_verified", counts.closedVerified);
        row.put("closed_any", counts.closedAny);
        row.put("version", version);
        return new ClickHouseRow("finding_month_counts", write(row));
    }

    static ClickHouseRow importDone(
            String importId, long testId, long engagementId, long productId, String type,
            ObjectNode statistics, String created, long version) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("import_id", importId);
        row.put("test_id", testId);
        row.put("engagement_id", engagementId);
        row.put("product_id", productId);
        row.put("import_type", type);
        row.put("statistics", write(statistics));
        row.put("created", created);
        row.put("version", version);
        return new ClickHouseRow("imports", write(row));
    }

    private static int bit(boolean value) {
        return value ? 1 : 0;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a ClickHouse row", e);
        }
    }
}
