package io.findingflow.parsers.bandit;

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
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bandit's JSON report ({@code bandit -f json}): one static finding per {@code results} entry,
 * dated with the report's {@code generated_at}. Results are streamed; Bandit writes
 * {@code generated_at} before them (keys sorted), otherwise findings wait for the date.
 */
public final class BanditParser implements ScanParser {

    static final String SCAN_TYPE = "Bandit Scan";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Bandit JSON report (bandit -f json). Deduplication: " + dedup.algorithm() + " on "
                + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ParseException("Invalid Bandit report" + where(parser) + ": expected a JSON object with \"results\"");
            }
            String date = null;
            boolean hasResults = false;
            List<Finding> waiting = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("generated_at")) {
                    date = BanditDates.isoTimestamp(parser.readValueAsTree());
                } else if (field.equals("results")) {
                    hasResults = true;
                    if (value != JsonToken.START_ARRAY) {
                        throw new ParseException("Invalid Bandit report" + where(parser) + ": \"results\" is not a list");
                    }
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        Finding finding = toFinding(parser.readValueAsTree(), parser);
                        if (date != null) {
                            finding.date = date;
                            out.accept(finding);
                        } else {
                            waiting.add(finding);
                        }
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ParseException("Invalid Bandit report" + where(parser) + ": unexpected content after the JSON document");
            }
            if (!hasResults) {
                throw new ParseException("Invalid Bandit report: no \"results\" list");
            }
            if (!waiting.isEmpty() && date == null) {
                throw new ParseException("Invalid Bandit report: results without the report's \"generated_at\" date");
            }
            for (Finding finding : waiting) {
                finding.date = date;
                out.accept(finding);
            }
        } catch (IOException e) {
            throw JsonReports.error("Bandit", e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Bandit report" + where(parser) + ": unexpected structure (" + e + ")", e);
        }
    }

    private static Finding toFinding(JsonNode item, JsonParser parser) throws ParseException {
        String testName = required(item, "test_name", parser);
        String testId = required(item, "test_id", parser);
        String filename = required(item, "filename", parser);
        String lineNumber = required(item, "line_number", parser);
        String confidence = required(item, "issue_confidence", parser);
        String code = PythonText.str(item.get("code")).replace("```", "\\`\\`\\`");
        Finding finding = new Finding();
        finding.title = required(item, "issue_text", parser);
        finding.description = "**Test Name:** `" + testName + "`\n**Test ID:** `" + testId + "`\n**Filename:** `"
                + filename + "`\n**Line number:** `" + lineNumber + "`\n**Issue Confidence:** `" + confidence
                + "`\n**Code:**\n```\n" + code + "\n```";
        finding.severity = titleCase(required(item, "issue_severity", parser));
        finding.filePath = filename;
        JsonNode line = item.get("line_number");
        finding.line = line.isIntegralNumber() ? Integer.valueOf(line.intValue()) : null;
        finding.staticFinding = true;
        finding.vulnIdFromTool = testName + ":" + testId;
        finding.nbOccurences = 1;
        finding.scannerConfidence = switch (confidence.toLowerCase(Locale.ROOT)) {
            case "high" -> 2;
            case "medium" -> 3;
            case "low" -> 6;
            default -> null;
        };
        if (item.has("more_info")) {
            JsonNode moreInfo = item.get("more_info");
            finding.references = moreInfo.isNull() ? null : PythonText.str(moreInfo);
        }
        return finding;
    }

    /** Python's {@code str.title()} for Bandit's "MEDIUM"-style severities (Severity.from does the rest). */
    private static String titleCase(String severity) {
        return severity.isEmpty() ? severity
                : severity.substring(0, 1).toUpperCase(Locale.ROOT) + severity.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String required(JsonNode item, String field, JsonParser parser) throws ParseException {
        JsonNode value = item.isObject() ? item.get(field) : null;
        if (value == null || value.isNull()) {
            throw new ParseException("Invalid Bandit report" + where(parser) + ": a result has no \"" + field + "\"");
        }
        return PythonText.str(value);
    }

    private static String where(JsonParser parser) {
        JsonLocation location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
