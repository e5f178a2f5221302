package io.findingflow.parsers.burpapi;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Burp Suite Enterprise/Pro REST API scan results ({@code GET /scan/[task_id]}): one finding per
 * {@code issue_events[]} entry of type {@code issue_found}, streamed event by event.
 */
public final class BurpApiParser implements ScanParser {

    static final String SCAN_TYPE = "Burp REST API";
    private static final String FORMAT = "Burp REST API";
    private static final Set<String> SEVERITIES = Set.of("high", "medium", "low", "info");

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "Burp REST API JSON (/scan/[task_id] output, issue_found events with their evidence). "
                + "Deduplication: " + DedupSettings.forScanType(SCAN_TYPE).algorithm() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Burp REST API report: the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ParseException("Invalid Burp REST API report" + where(parser.currentLocation())
                        + ": expected a JSON object with \"issue_events\", got " + first.asString());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("issue_events") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonLocation at = parser.currentLocation();
                        JsonNode event = parser.readValueAsTree();
                        readEvent(event, at, out);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Burp REST API report" + where(parser.currentLocation())
                    + ": unexpected structure (" + e + ")", e);
        }
    }

    private static void readEvent(JsonNode event, JsonLocation at, FindingSink out) throws ParseException {
        if (event == null || !event.isObject()) {
            throw new ParseException("Invalid Burp REST API report" + where(at) + ": an issue event is not an object");
        }
        JsonNode issue = event.get("issue");
        if (!"issue_found".equals(event.path("type").textValue()) || issue == null) {
            return;
        }
        if (!issue.isObject()) {
            throw new ParseException("Invalid Burp REST API report" + where(at) + ": \"issue\" is not an object");
        }
        out.accept(finding(issue, at));
    }

    private static Finding finding(JsonNode issue, JsonLocation at) throws ParseException {
        Finding finding = new Finding();
        finding.title = issue.has("name") ? text(issue.get("name")) : "Burp issue";
        finding.severity = severity(issue);
        finding.description = "**" + PythonText.str(finding.title) + "**\n"
                + "**Serial Number**: " + orNone(issue, "serial_number") + "\n"
                + "**Type Index**: " + orNone(issue, "type_index") + "\n"
                + "**Confidence**: " + orNone(issue, "confidence") + "\n"
                + "**Description**: " + orNone(issue, "description") + "\n";
        finding.mitigation = "No mitigation provided";
        finding.references = "No references provided";
        finding.impact = "No impact provided";
        finding.falseP = "false_positive".equals(issue.path("severity").textValue());
        finding.staticFinding = false;
        finding.dynamicFinding = true;
        finding.uniqueIdFromTool = issue.has("serial_number") ? PythonText.str(issue.get("serial_number")) : "";
        finding.vulnIdFromTool = issue.has("type_index") ? PythonText.str(issue.get("type_index")) : "";
        finding.scannerConfidence = confidence(issue);
        if (issue.path("origin").isTextual() && issue.path("path").isTextual()) {
            finding.addEndpoint(EndpointCleaner.fromUrl(issue.get("origin").textValue() + issue.get("path").textValue()));
        }
        try {
            BurpEvidence.addRequests(issue.path("evidence"), finding.reqResp);
        } catch (IllegalArgumentException e) {
            throw new ParseException("Invalid Burp REST API report" + where(at) + ": " + e.getMessage(), e);
        }
        return finding;
    }

    /** high/medium/low/info title-cased; undefined, false_positive and anything else are Info. */
    private static String severity(JsonNode issue) {
        String value = issue.has("severity") ? issue.get("severity").asText("") : "info";
        value = value.toLowerCase(Locale.ROOT);
        return SEVERITIES.contains(value) ? Character.toUpperCase(value.charAt(0)) + value.substring(1) : "Info";
    }

    private static Integer confidence(JsonNode issue) {
        String value = issue.has("confidence") ? issue.get("confidence").asText("") : "undefined";
        switch (value.toLowerCase(Locale.ROOT)) {
            case "certain":
                return 2;
            case "firm":
                return 3;
            case "tentative":
                return 6;
            default:
                return null;
        }
    }

    private static String orNone(JsonNode issue, String field) {
        return issue.has(field) ? PythonText.str(issue.get(field)) : "<None>";
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : PythonText.str(value);
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
