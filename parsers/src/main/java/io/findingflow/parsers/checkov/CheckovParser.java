package io.findingflow.parsers.checkov;

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
import io.findingflow.schemas.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checkov JSON ({@code checkov -o json}): one report object, or a list of them when several
 * frameworks ran (one per {@code check_type}). Only {@code results.failed_checks} become findings;
 * they are streamed one check at a time.
 */
public final class CheckovParser implements ScanParser {

    static final String SCAN_TYPE = "Checkov Scan";
    private static final String FORMAT = "Checkov";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "Checkov JSON report (one framework or a list of frameworks), failed checks. "
                + "Deduplication: " + DedupSettings.forScanType(SCAN_TYPE).algorithm()
                + " on the legacy fields (title, cwe, line, file_path, description).";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Checkov report: the file is empty");
            }
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    readReport(parser, out);
                }
            } else {
                readReport(parser, out);
            }
            if (parser.nextToken() != null) {
                throw error(parser, "unexpected content after the end of the JSON document");
            }
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw error(parser, "unexpected structure (" + e + ")");
        }
    }

    /**
     * One framework's report. {@code check_type} normally precedes {@code results}; when it does not,
     * the failed checks are held until the end of the report object.
     */
    private static void readReport(JsonParser parser, FindingSink out) throws IOException, ParseException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(parser, "expected a report object, found " + parser.currentToken());
        }
        String checkType = null;
        List<JsonNode> pending = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("check_type")) {
                checkType = PythonText.str((JsonNode) parser.readValueAsTree());
            } else if (field.equals("results") && value == JsonToken.START_OBJECT) {
                readResults(parser, checkType, pending, out);
            } else {
                parser.skipChildren();
            }
        }
        for (JsonNode check : pending) {
            out.accept(toFinding(check, checkType == null ? "" : checkType));
        }
    }

    private static void readResults(JsonParser parser, String checkType, List<JsonNode> pending, FindingSink out)
            throws IOException, ParseException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("failed_checks") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode check = parser.readValueAsTree();
                    if (!check.isObject()) {
                        throw error(parser, "a failed check is not an object");
                    }
                    if (checkType == null) {
                        pending.add(check);
                    } else {
                        out.accept(toFinding(check, checkType));
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    static Finding toFinding(JsonNode check, String checkType) {
        StringBuilder description = new StringBuilder("Check Type: ").append(checkType).append('\n');
        if (check.has("check_id")) {
            description.append("Check Id: ").append(PythonText.str(check.get("check_id"))).append('\n');
        }
        if (check.has("check_name")) {
            description.append(PythonText.str(check.get("check_name"))).append('\n');
        }
        if (check.has("description")) {
            description.append('\n').append(PythonText.str(check.get("description"))).append('\n');
        }
        Finding finding = new Finding();
        JsonNode name = check.get("check_name");
        finding.title = name == null ? "check_name not found" : text(name);
        finding.description = description.toString();
        finding.severity = severity(check.get("severity"));
        finding.mitigation = benchmarks(check.get("benchmarks"));
        JsonNode guideline = check.get("guideline");
        finding.references = guideline == null ? "" : text(guideline);
        finding.filePath = text(check.get("file_path"));
        JsonNode lines = check.get("file_line_range");
        if (lines != null && lines.isArray() && lines.size() > 0 && lines.get(0).canConvertToInt()) {
            finding.line = lines.get(0).asInt();
        }
        finding.componentName = text(check.get("resource"));
        finding.staticFinding = true;
        finding.dynamicFinding = false;
        return finding;
    }

    /** Checkov only reports a severity with a Prisma Cloud API key; without one DefectDojo says Medium. */
    private static String severity(JsonNode severity) {
        if (severity == null || severity.isNull()) {
            return Severity.MEDIUM.label();
        }
        return Severity.from(PythonText.str(severity)).label();
    }

    /** The compliance benchmarks a check belongs to, one line per framework control. */
    private static String benchmarks(JsonNode benchmarks) {
        if (benchmarks == null || !benchmarks.isObject() || benchmarks.isEmpty()) {
            return "";
        }
        StringBuilder mitigation = new StringBuilder("\nBenchmarks:\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = benchmarks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> benchmark = it.next();
            for (JsonNode control : benchmark.getValue()) {
                mitigation.append("- ").append(benchmark.getKey())
                        .append(" # ").append(PythonText.str(control.get("name")))
                        .append(" : ").append(PythonText.str(control.get("description"))).append('\n');
            }
        }
        return mitigation.toString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : PythonText.str(value);
    }

    private static ParseException error(JsonParser parser, String problem) {
        var location = parser.currentLocation();
        return new ParseException("Invalid Checkov report at line " + location.getLineNr()
                + ", column " + location.getColumnNr() + ": " + problem);
    }
}
