package io.findingflow.parsers.azuresecuritycenter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Microsoft Defender for Cloud (formerly Azure Security Center) recommendations exported as CSV.
 * Only rows whose {@code state} is "unhealthy" become findings; rows are streamed one at a time.
 */
public final class AzureSecurityCenterParser implements ScanParser {

    static final String SCAN_TYPE = "Azure Security Center Recommendations Scan";
    private static final String FORMAT = "Azure Security Center recommendations CSV";
    /** CWE-1032, "Security Configuration Weaknesses", which DefectDojo gives every recommendation. */
    private static final int CWE = 1032;

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE);

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "Microsoft Defender for Cloud / Azure Security Center recommendations, CSV export. "
                + "Deduplication: " + DedupSettings.forScanType(SCAN_TYPE).algorithm() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        long row = 1;
        try (Reader reader = withoutBom(report);
                MappingIterator<Map<String, String>> rows =
                        CSV.readerFor(Map.class).with(schema).readValues(reader)) {
            boolean checkedHeader = false;
            while (rows.hasNextValue()) {
                Map<String, String> values = rows.nextValue();
                row = rows.getCurrentLocation().getLineNr();
                if (!checkedHeader) {
                    requireColumn(values, "state");
                    checkedHeader = true;
                }
                String state = values.get("state");
                if (state != null && state.toLowerCase(Locale.ROOT).equals("unhealthy")) {
                    out.accept(toFinding(values, row));
                }
            }
        } catch (JsonProcessingException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (IOException e) {
            throw new ParseException("Could not read the " + FORMAT + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid " + FORMAT + " near line " + row + ": " + e, e);
        }
    }

    private static Finding toFinding(Map<String, String> row, long line) throws ParseException {
        String subscriptionId = text(row, "subscriptionId");
        String subscriptionName = text(row, "subscriptionName");
        String resourceName = text(row, "resourceName");
        if (resourceName.equals(subscriptionId)) {
            resourceName = subscriptionName;
        }
        String displayName = text(row, "recommendationDisplayName");
        String controls = text(row, "controls");
        // a JSON object of control names ({"Name": ...}) is reduced to its first key
        if (controls.startsWith("{\"")) {
            int start = controls.indexOf("{\"") + 2;
            int end = controls.indexOf("\":");
            controls = end >= start ? controls.substring(start, end) : controls.substring(start);
        }
        StringBuilder description = new StringBuilder()
                .append("**Recommendation:** ").append(displayName)
                .append("\n**Resource Name:** ").append(resourceName)
                .append("\n**Resource Type:** ").append(text(row, "resourceType"));
        String resourceGroup = text(row, "resourceGroup");
        if (!resourceGroup.isEmpty()) {
            description.append("\n**Resource Group:** ").append(resourceGroup);
        }
        description.append("\n**Description:** ").append(text(row, "description"))
                .append("\n**Controls:** ").append(controls)
                .append("\n**Subscription:** ").append(subscriptionName)
                .append("\n**Subscription Id:** ").append(subscriptionId);
        String nativeCloudAccountId = text(row, "nativeCloudAccountId");
        if (!nativeCloudAccountId.isEmpty()) {
            description.append("\n**Native Cloud Account Id:** ").append(nativeCloudAccountId);
        }

        Finding finding = new Finding();
        finding.title = resourceName + " - " + displayName;
        finding.cwe = CWE;
        finding.description = description.toString();
        finding.severity = Severity.from(row.get("severity")).label();
        finding.references = row.get("azurePortalRecommendationLink");
        finding.mitigation = row.get("remediationSteps");
        finding.date = date(text(row, "statusChangeDate"), line);
        finding.vulnIdFromTool = row.get("recommendationName");
        finding.uniqueIdFromTool = row.get("recommendationId");
        finding.staticFinding = true;
        finding.dynamicFinding = false;
        return finding;
    }

    /** DefectDojo keeps the day of {@code statusChangeDate} and rejects a file where it is no date. */
    private static String date(String statusChangeDate, long line) throws ParseException {
        String day = statusChangeDate.length() > 10 ? statusChangeDate.substring(0, 10) : statusChangeDate;
        try {
            return LocalDate.parse(day).toString();
        } catch (DateTimeParseException e) {
            throw new ParseException("Invalid " + FORMAT + " at line " + line
                    + ": statusChangeDate \"" + statusChangeDate + "\" does not start with a YYYY-MM-DD date");
        }
    }

    private static void requireColumn(Map<String, String> row, String column) throws ParseException {
        if (!row.containsKey(column)) {
            throw new ParseException("Invalid " + FORMAT + ": no \"" + column
                    + "\" column in the header (found " + row.keySet() + ")");
        }
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }

    /** The Azure portal writes a UTF-8 byte order mark, which would otherwise glue onto the first column name. */
    private static Reader withoutBom(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        reader.mark(1);
        if (reader.read() != '\ufeff') {
            reader.reset();
        }
        return reader;
    }
}
