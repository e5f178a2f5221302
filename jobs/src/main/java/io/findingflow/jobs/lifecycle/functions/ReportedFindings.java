package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.findingflow.jobs.lifecycle.records.ReportedFinding;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Decodes the fields the lifecycle job needs from a finding's JSON in one streaming pass, with the
 * same results as reading them from a Jackson tree ({@code get}/{@code path}, {@code asText},
 * {@code asLong}, {@code asBoolean} with DefectDojo's defaults). Values of an unexpected JSON type
 * (a number for a title, a string for a flag) are read as a tree node and converted exactly so.
 */
final class ReportedFindings {

    private static final ObjectMapper MAPPER = Json.mapper();

    private ReportedFindings() {}

    /** Decodes a finding's JSON text (records that arrived without decoded fields). */
    static ReportedFinding fromJson(String json) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            return parser.nextToken() == JsonToken.START_OBJECT ? read(parser) : defaults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the object at the parser's START_OBJECT, leaving the parser on its END_OBJECT. */
    static ReportedFinding read(JsonParser parser) throws IOException {
        ReportedFinding f = defaults();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "title" -> f.title = text(parser, value);
                case "severity" -> f.severity = value == JsonToken.VALUE_STRING
                        ? parser.getText() : tree(parser, value).asText("Info");
                case "date" -> f.date = text(parser, value);
                case "hash_code" -> f.hashCode = text(parser, value);
                case "unique_id_from_tool" -> f.uniqueIdFromTool = text(parser, value);
                case "cwe" -> f.cwe = value == JsonToken.VALUE_NUMBER_INT
                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        ? parser.getLongValue() : tree(parser, value).asLong(0);
                case "component_name" -> f.componentName = text(parser, value);
                case "file_path" -> f.filePath = text(parser, value);
                case "active" -> f.active = bool(parser, value, true);
                case "verified" -> f.verified = bool(parser, value, false);
                case "false_p" -> f.falseP = bool(parser, value, false);
                case "out_of_scope" -> f.outOfScope = bool(parser, value, false);
                case "risk_accepted" -> f.riskAccepted = bool(parser, value, false);
                case "is_mitigated" -> f.isMitigated = bool(parser, value, false);
                case "mitigated" -> f.mitigated = text(parser, value);
                default -> parser.skipChildren();
            }
        }
        return f;
    }

    /** What the tree reads give for absent fields. */
    private static ReportedFinding defaults() {
        JsonNode missing = MissingNode.getInstance();
        ReportedFinding f = new ReportedFinding();
        f.severity = missing.asText("Info");
        f.cwe = missing.asLong(0);
        f.active = missing.asBoolean(true);
        f.verified = missing.asBoolean(false);
        f.falseP = missing.asBoolean(false);
        f.outOfScope = missing.asBoolean(false);
        f.riskAccepted = missing.asBoolean(false);
        f.isMitigated = missing.asBoolean(false);
        return f;
    }

    /** As {@code node == null || node.isNull() ? null : node.asText()}. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        JsonNode node = tree(parser, value);
        return node.isNull() ? null : node.asText();
    }

    private static boolean bool(JsonParser parser, JsonToken value, boolean absent) throws IOException {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> tree(parser, value).asBoolean(absent);
        };
    }

    private static JsonNode tree(JsonParser parser, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? NullNode.getInstance() : MAPPER.readTree(parser);
    }
}
