package io.findingflow.parsers.awssecurityhub;

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
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AWS Security Hub findings in the ASFF export ({@code {"Findings": [...]}}, also lower-case
 * {@code findings}). Each finding is read on its own and routed by its product: Amazon Inspector,
 * Amazon GuardDuty, or anything else as a Security Hub control ("compliance") finding.
 *
 * <p>Findings are keyed by their {@code Id} as in DefectDojo: a repeated Id keeps the position of
 * its first occurrence and the content of its last, so the findings are emitted at the end.
 */
public final class AwsSecurityHubParser implements ScanParser {

    static final String SCAN_TYPE = "AWS Security Hub Scan";
    private static final String FORMAT = "AWS Security Hub";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "AWS Security Hub findings export (ASFF JSON): Security Hub controls / AWS Config, "
                + "Amazon Inspector and Amazon GuardDuty findings. Deduplication: "
                + DedupSettings.forScanType(SCAN_TYPE).algorithm() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid AWS Security Hub report: the file is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw error(parser.currentLocation(), "expected a JSON object with a \"Findings\" list");
            }
            Map<String, Finding> upper = null;
            Map<String, Finding> lower = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("Findings")) {
                    upper = readFindings(parser, context.clock());
                } else if (field.equals("findings") && upper == null) {
                    lower = readFindings(parser, context.clock());
                } else {
                    parser.skipChildren();
                }
            }
            Map<String, Finding> findings = upper != null ? upper : lower;
            if (findings == null) {
                throw new ParseException("Invalid AWS Security Hub report: no \"Findings\" list");
            }
            findings.values().forEach(out::accept);
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw error(parser.currentLocation(), "unexpected structure (" + e + ")");
        }
    }

    private static Map<String, Finding> readFindings(JsonParser parser, Clock clock)
            throws IOException, ParseException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw error(parser.currentLocation(), "\"Findings\" is not a list");
        }
        Map<String, Finding> findings = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = parser.currentLocation();
            JsonNode node = parser.readValueAsTree();
            JsonNode id = node.get("Id");
            if (!node.isObject() || id == null || !id.isTextual()) {
                throw error(start, "a finding without a textual \"Id\"");
            }
            findings.put(id.textValue(), toFinding(node, clock));
        }
        return findings;
    }

    static Finding toFinding(JsonNode node, Clock clock) {
        String product = node.path("ProductFields").path("aws/securityhub/ProductName").asText("");
        return switch (product) {
            case "Inspector" -> InspectorFinding.toFinding(node, clock);
            case "GuardDuty" -> GuardDutyFinding.toFinding(node, clock);
            default -> ComplianceFinding.toFinding(node, clock);
        };
    }

    private static ParseException error(JsonLocation location, String problem) {
        return new ParseException("Invalid AWS Security Hub report at line " + location.getLineNr()
                + ", column " + location.getColumnNr() + ": " + problem);
    }
}
