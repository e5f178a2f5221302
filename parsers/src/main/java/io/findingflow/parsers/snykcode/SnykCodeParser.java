package io.findingflow.parsers.snykcode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Snyk Code SARIF ({@code snyk code test --sarif}): DefectDojo's generic SARIF reading with Snyk's
 * title ("ruleId_path"), description and priority-score severity. Results are streamed one at a
 * time; a run's findings are held back only while its {@code invocations} (which date them) may
 * still follow.
 */
public final class SnykCodeParser implements ScanParser {

    static final String SCAN_TYPE = "Snyk Code Scan";
    private static final String FORMAT = "Snyk Code SARIF";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Snyk Code SARIF JSON (snyk code test --sarif), one finding per result location. "
                + "Deduplication: " + dedup.algorithm() + " on " + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Snyk Code SARIF report: the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(parser.currentLocation(), "expected a SARIF log object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("runs") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        readRun(parser, out);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw error(parser.currentLocation(), "unexpected structure (" + e + ")");
        }
    }

    private static void readRun(JsonParser parser, FindingSink out) throws IOException, ParseException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw error(parser.currentLocation(), "a run is not an object");
        }
        SarifRun run = null;
        boolean invocationsSeen = false;
        String runDate = null;
        List<JsonNode> resultsBeforeTool = new ArrayList<>();
        List<Finding> undated = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("tool")) {
                run = new SarifRun(parser.readValueAsTree());
            } else if (field.equals("invocations")) {
                runDate = SarifRun.lastInvocationDate(parser.readValueAsTree());
                invocationsSeen = true;
            } else if (field.equals("results") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode result = parser.readValueAsTree();
                    if (run == null) {
                        resultsBeforeTool.add(result);
                    } else if (invocationsSeen) {
                        run.findings(result, runDate).forEach(out::accept);
                    } else {
                        undated.addAll(run.findings(result, null));
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
        if (run == null) {
            run = new SarifRun(null);
        }
        for (JsonNode result : resultsBeforeTool) {
            undated.addAll(run.findings(result, null));
        }
        for (Finding finding : undated) {
            finding.date = runDate;
            out.accept(finding);
        }
    }

    private static ParseException error(JsonLocation location, String problem) {
        return new ParseException("Invalid Snyk Code SARIF report at line " + location.getLineNr()
                + ", column " + location.getColumnNr() + ": " + problem);
    }
}
