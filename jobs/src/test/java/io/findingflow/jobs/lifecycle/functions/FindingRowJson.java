package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a TabSeparated findings row back the way ClickHouse does (TabSeparated unescaping,
 * {@code \N} as NULL) into the JSON object the row's JSONEachRow form had: numeric columns as
 * numbers, in column order. Tests compare and search rows in this form.
 */
final class FindingRowJson {

    private static final Set<String> NUMERIC = Set.of("id", "product_id", "engagement_id", "test_id", "active",
            "verified", "false_p", "duplicate", "duplicate_finding", "out_of_scope", "risk_accepted", "is_mitigated",
            "cwe", "deleted", "version");

    private FindingRowJson() {}

    static ObjectNode tree(ClickHouseRow row) {
        List<String> columns = row.format().columns();
        List<String> values = fields(row.line());
        if (values.size() != columns.size()) {
            throw new AssertionError(values.size() + " values for " + columns.size() + " columns: " + row.text());
        }
        ObjectNode json = Json.mapper().createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            String value = values.get(i);
            if (value == null) {
                json.putNull(columns.get(i));
            } else if (NUMERIC.contains(columns.get(i))) {
                json.put(columns.get(i), Long.parseLong(value));
            } else {
                json.put(columns.get(i), value);
            }
        }
        return json;
    }

    /** The row as the JSON text its JSONEachRow form had. */
    static String json(ClickHouseRow row) {
        return tree(row).toString();
    }

    private static List<String> fields(byte[] line) {
        List<String> fields = new ArrayList<>();
        java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();
        boolean isNull = false;
        for (int i = 0; i < line.length; i++) {
            byte b = line[i];
            if (b == '\t') {
                fields.add(isNull ? null : field.toString(StandardCharsets.UTF_8));
                field.reset();
                isNull = false;
            } else if (b == '\n') {
                throw new AssertionError("raw line feed inside a row");
            } else if (b == '\\') {
                byte next = line[++i];
                switch (next) {
                    case 'N' -> isNull = true;
                    case 't' -> field.write('\t');
                    case 'n' -> field.write('\n');
                    case 'r' -> field.write('\r');
                    case '0' -> field.write(0);
                    case 'b' -> field.write('\b');
                    case 'f' -> field.write('\f');
                    case '\\' -> field.write('\\');
                    default -> throw new AssertionError("unexpected escape \\" + (char) next);
                }
            } else {
                field.write(b);
            }
        }
        fields.add(isNull ? null : field.toString(StandardCharsets.UTF_8));
        return fields;
    }
}
