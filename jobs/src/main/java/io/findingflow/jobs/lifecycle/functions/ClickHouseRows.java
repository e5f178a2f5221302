package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.jobs.sink.InsertFormat;
import io.findingflow.jobs.sink.TabSeparatedLine;
import io.findingflow.schemas.Json;
import java.util.List;

/** Renders lifecycle state as rows for the tables of schemas/clickhouse/*.sql. */
final class ClickHouseRows {

    private static final ObjectMapper MAPPER = Json.mapper();

    private ClickHouseRows() {}

    /** The findings table's columns, in the order {@link #finding} writes them. */
    static final InsertFormat FINDING_FORMAT = InsertFormat.tabSeparated(List.of(
            "id", "product_id", "engagement_id", "test_id", "title", "severity", "date", "active", "verified",
            "false_p", "duplicate", "duplicate_finding", "out_of_scope", "risk_accepted", "is_mitigated",
            "mitigated", "hash_code", "unique_id_from_tool", "cwe", "component_name", "file_path", "created",
            "deleted", "body", "version"));

    /**
     * A findings row as TabSeparated: ClickHouse parses it far cheaper than JSONEachRow (the body,
     * the finding's JSON, is the largest part and only needs its backslashes doubled), and it is
     * rendered without a JSON generator. {@code body}: the finding's JSON as UTF-8; a missing body
     * is written as an empty string (the column is not Nullable).
     */
    static ClickHouseRow finding(FindingState f, byte[] body, long version, boolean deleted) {
        TabSeparatedLine row = new TabSeparatedLine(256 + (body == null ? 0 : body.length + body.length / 16));
        row.number(f.id)
                .number(f.productId)
                .number(f.engagementId)
                .number(f.testId)
                .text(nullToEmpty(f.title))
                .text(nullToEmpty(f.severity))
                .text(f.date)
                .bit(f.active)
                .bit(f.verified)
                .bit(f.falseP)
                .bit(f.duplicate)
                .number(f.duplicateFinding)
                .bit(f.outOfScope)
                .bit(f.riskAccepted)
                .bit(f.isMitigated)
                .text(f.mitigated)
                .text(nullToEmpty(f.hashCode))
                .text(nullToEmpty(f.uniqueIdFromTool))
                .number(f.cwe)
                .text(nullToEmpty(f.componentName))
                .text(nullToEmpty(f.filePath))
                .text(f.created)
                .bit(deleted)
                .utf8(body == null ? new byte[0] : body)
                .number(version);
        return new ClickHouseRow("findings", FINDING_FORMAT, row.toBytes());
    }

    /** The mark that a finding's versions below {@code version} are no longer its latest (finding_superseded.sql). */
    static ClickHouseRow superseded(long productId, long id, long version) {
        return new ClickHouseRow("finding_superseded",
                "{\"product_id\":" + productId + ",\"id\":" + id + ",\"version\":" + version + "}");
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
            ObjectNode statistics, String created, long version, String testImport) {
        ObjectNode row = MAPPER.createObjectNode();
        row.put("import_id", importId);
        row.put("test_id", testId);
        row.put("engagement_id", engagementId);
        row.put("product_id", productId);
        row.put("import_type", type);
        row.put("statistics", write(statistics));
        row.put("created", created);
        row.put("version", version);
        row.put("test_import", nullToEmpty(testImport));
        return new ClickHouseRow("imports", write(row));
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
