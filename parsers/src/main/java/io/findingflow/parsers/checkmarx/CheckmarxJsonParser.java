package io.findingflow.parsers.checkmarx;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The Checkmarx One JSON report: {@code scanResults} with {@code sast} (languages → queries →
 * vulnerabilities), {@code sca} (packages → vulnerabilities) and {@code kics} (results →
 * vulnerabilities), handled in the order the report lists them. Streams one query, package or
 * KICS result at a time.
 */
final class CheckmarxJsonParser {

    static final String FORMAT = "Checkmarx JSON";

    /** What to do with one element of an array found at a path of field names. */
    @FunctionalInterface
    private interface ItemHandler {
        void handle(JsonNode item) throws ParseException;
    }

    private CheckmarxJsonParser() {}

    static void parse(InputStream report, FindingSink out) throws ParseException {
        try (JsonParser json = JsonReports.open(report)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new ParseException("Not a " + FORMAT + " report: the document is not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                if (field.equals("scanResults") && json.currentToken() == JsonToken.START_OBJECT) {
                    scanResults(json, out);
                } else {
                    json.skipChildren();
                }
            }
            if (json.currentToken() != JsonToken.END_OBJECT) {
                throw new ParseException("Invalid " + FORMAT + " report: unexpected " + json.currentToken()
                        + " at line " + json.currentLocation().getLineNr());
            }
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        }
    }

    private static void scanResults(JsonParser json, FindingSink out) throws IOException, ParseException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String type = json.currentName();
            json.nextToken();
            if (json.currentToken() != JsonToken.START_OBJECT) {
                json.skipChildren();
                continue;
            }
            switch (type) {
                case "sast" -> forEach(json, new String[] {"languages", "queries"}, 0,
                        query -> CheckmarxJsonFindings.sast(query, out));
                case "sca" -> forEach(json, new String[] {"packages"}, 0,
                        pkg -> CheckmarxJsonFindings.sca(pkg, out));
                case "kics" -> forEach(json, new String[] {"results"}, 0,
                        result -> CheckmarxJsonFindings.kics(result, out));
                default -> json.skipChildren();
            }
        }
    }

    /**
     * With the parser on an object's START_OBJECT, walks {@code path[depth]} (an array of objects,
     * recursing into each for the next field name) and hands the innermost array's items, read one
     * at a time as trees, to {@code handler}. Leaves the parser on the object's END_OBJECT.
     */
    private static void forEach(JsonParser json, String[] path, int depth, ItemHandler handler)
            throws IOException, ParseException {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (!field.equals(path[depth]) || value != JsonToken.START_ARRAY) {
                json.skipChildren();
                continue;
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (depth + 1 < path.length) {
                    if (json.currentToken() == JsonToken.START_OBJECT) {
                        forEach(json, path, depth + 1, handler);
                    } else {
                        json.skipChildren();
                    }
                } else {
                    handler.handle(json.readValueAsTree());
                }
            }
        }
    }
}
