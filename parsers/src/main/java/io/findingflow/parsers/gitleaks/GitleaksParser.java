package io.findingflow.parsers.gitleaks;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gitleaks JSON reports: the v7-and-older layout (lower-case keys, {@code rule}) and the v8 one
 * ({@code Description}, {@code RuleID}), item by item in one list. Leaks are read one at a time;
 * a repeated v8 leak extends the first finding, so findings are handed out at the end.
 */
public final class GitleaksParser implements ScanParser {

    static final String SCAN_TYPE = "Gitleaks Scan";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "Gitleaks JSON report (v7 and older, v8). Deduplication: "
                + DedupSettings.forScanType(SCAN_TYPE).algorithm() + " with the legacy hash_code fields.";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Gitleaks report: the file is empty");
            }
            Map<String, Finding> dupes = new LinkedHashMap<>();
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode issue = parser.readValueAsTree();
                    if (GitleaksLegacy.truthy(issue.get("rule"))) {
                        GitleaksLegacy.add(issue, dupes);
                    } else if (GitleaksLegacy.truthy(issue.get("Description"))) {
                        GitleaksCurrent.add(issue, dupes);
                    } else {
                        throw new ParseException("Invalid Gitleaks report" + where(parser)
                                + ": format is not recognized for Gitleaks (a leak has neither \"rule\" nor \"Description\")");
                    }
                }
            } else if (first != JsonToken.VALUE_NULL) {
                throw new ParseException("Invalid Gitleaks report" + where(parser) + ": expected a list of leaks, found "
                        + first.asString());
            }
            if (parser.nextToken() != null) {
                throw new ParseException("Invalid Gitleaks report" + where(parser)
                        + ": unexpected content after the end of the JSON document");
            }
            dupes.values().forEach(out::accept);
        } catch (IOException e) {
            throw JsonReports.error("Gitleaks", e);
        } catch (GitleaksLegacy.BadLeak e) {
            throw new ParseException("Invalid Gitleaks report" + where(parser) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Gitleaks report" + where(parser) + ": unexpected structure (" + e + ")", e);
        }
    }

    private static String where(JsonParser parser) {
        JsonLocation location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
