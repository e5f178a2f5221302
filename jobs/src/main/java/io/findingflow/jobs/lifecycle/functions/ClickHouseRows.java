package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Renders lifecycle state as JSONEachRow lines for the tables of schemas/clickhouse/*.sql. */
final class ClickHouseRows {

    private static final ObjectMapper MAPPER = Json.mapper();

    private ClickHouseRows() {}

    /** {@code body}: the finding's JSON as UTF-8, escaped into the row's body string as it is. */
    static ClickHouseRow finding(FindingState f, byte[] body, long version, boolean deleted) {
        // streamed, not built as a tree: one row per changed finding, and the body is the largest part
        ByteArrayBuilder bytes = new ByteArrayBuilder(512 + (body == null ? 0 : body.length + body.length / 8));
        try (JsonGenerator row = MAPPER.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            row.writeStartObject();
            row.writeNumberField("id", f.id);
            row.writeNumberField("product_id", f.productId);
            row.writeNumberField("engagement_id", f.engagementId);
            row.writeNumberField("test_id", f.testId);
            row.writeStringField("title", nullToEmpty(f.title));
            row.writeStringField("severity", f.severity);
            row.writeStringField("date", f.date);
            row.writeNumberField("active", bit(f.active));
            row.writeNumberField("verified", bit(f.verified));
            row.writeNumberField("false_p", bit(f.falseP));
            row.writeNumberField("duplicate", bit(f.duplicate));
            row.writeNumberField("duplicate_finding", f.duplicateFinding);
            row.writeNumberField("out_of_scope", bit(f.outOfScope));
            row.writeNumberField("risk_accepted", bit(f.riskAccepted));
            row.writeNumberField("is_mitigated", bit(f.isMitigated));
            row.writeStringField("mitigated", f.mitigated);
            row.writeStringField("hash_code", nullToEmpty(f.hashCode));
            row.writeStringField("unique_id_from_tool", nullToEmpty(f.uniqueIdFromTool));
            row.writeNumberField("cwe", f.cwe);
            row.writeStringField("component_name", nullToEmpty(f.componentName));
            row.writeStringField("file_path", nullToEmpty(f.filePath));
            row.writeStringField("created", f.created);
            row.writeNumberField("deleted", bit(deleted));
            row.writeFieldName("body");
            if (body == null) {
                row.writeNull();
            } else {
                row.writeUTF8String(body, 0, body.length);
            }
            row.writeNumberField("version", version);
            row.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot render a ClickHouse row", e);
        }
        return new ClickHouseRow("findings", new String(bytes.toByteArray(), StandardCharsets.UTF_8));
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
