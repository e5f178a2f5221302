package io.findingflow.parsers.qualys;

import io.findingflow.parsers.CsvDictReader;
import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Qualys CSV exports. Report preamble rows are skipped (a finding row has a Title other than
 * "Title", or a VULN TITLE), and rows are merged by QID across hosts, so findings are emitted after
 * the last row.
 */
final class QualysCsvParser {

    private static final Pattern SCORE_AND_VECTOR = Pattern.compile("^\\d{1,2}.\\d \\((.*)\\)");
    private static final Set<String> OPEN = Set.of("Active", "Re-Opened", "New");

    private QualysCsvParser() {}

    static void parse(InputStream in, ScanContext context, FindingSink out) throws ParseException {
        Map<String, Finding> findings = new LinkedHashMap<>();
        CsvDictReader reader = null;
        try {
            reader = CsvDictReader.open(CsvDictReader.utf8(in), ',');
            if (reader.header() == null) {
                throw new ParseException("Invalid Qualys CSV report: the file is empty");
            }
            List<String> header = reader.header();
            if (!header.contains("QID") && !header.contains("Title") && !header.contains("VULN TITLE")) {
                throw new ParseException("Invalid Qualys CSV report: the first line is not a Qualys header "
                        + "(no 'QID', 'Title' or 'VULN TITLE' column)");
            }
            String cvss = null;
            for (CsvDictReader.Row row = reader.next(); row != null; row = reader.next()) {
                String title = row.get("Title");
                if (!(truthy(title) && !title.equals("Title") || truthy(row.get("VULN TITLE")))) {
                    continue;
                }
                // the vector of the previous row stays in effect when a row has no CVSS3 column, as in DefectDojo
                if (row.has("CVSS3 Base")) {
                    cvss = vector(row.get("CVSS3 Base"), row.get("CVSS3 Temporal"));
                } else if (row.has("CVSS3.1 Base")) {
                    cvss = vector(row.get("CVSS3.1 Base"), row.get("CVSS3.1 Temporal"));
                }
                merge(row, cvss, context, findings);
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ParseException("Invalid Qualys CSV report"
                    + (reader == null ? "" : " near line " + reader.line()) + ": " + message, e);
        }
        findings.values().forEach(out::accept);
    }

    private static void merge(CsvDictReader.Row row, String cvss, ScanContext context, Map<String, Finding> findings) {
        String qid = row.get("QID");
        Finding finding = findings.get(qid);
        if (finding == null) {
            finding = truthy(row.get("Title")) ? detection(row, cvss, context) : pci(row);
            findings.put(qid, finding);
        }
        finding.vulnerabilityIds.addAll(cves(row.first("", "CVE ID", "CVEID")));
        finding.verified = true;
        finding.addEndpoint(endpoint(row));
    }

    private static Finding detection(CsvDictReader.Row row, String cvss, ScanContext context) {
        Finding finding = base(row, row.get("Title"), row.get("Solution"), row.get("Threat"), row.get("Impact"));
        finding.severity = QualysParser.severity(row.get("Severity"), context);
        String seen = row.get(context.flag(ScanContext.USE_FIRST_SEEN) ? "First Detected" : "Last Detected");
        finding.date = QualysDates.dayOf(QualysDates.detected(seen));
        Cvss3Vector vector = Cvss3Vector.firstInText(cvss);
        if (vector != null) {
            finding.cvssv3 = vector.cleanVector();
            finding.cvssv3Score = vector.environmentalScore();
        }
        String fixed = row.get("Date Last Fixed");
        finding.isMitigated = truthy(fixed);
        finding.mitigated = truthy(fixed) ? QualysDates.timestamp(QualysDates.detected(fixed)) : null;
        String status = row.get("Vuln Status");
        finding.active = status != null && OPEN.contains(status);
        if (finding.active) {
            finding.mitigated = null;
            finding.isMitigated = false;
        }
        return finding;
    }

    /** The monthly PCI layout: raw SEVERITY text and the LAST SCAN date whatever USE_FIRST_SEEN says. */
    private static Finding pci(CsvDictReader.Row row) {
        Finding finding = base(row, row.get("VULN TITLE"), row.get("SOLUTION"), row.get("THREAT"), row.get("IMPACT"));
        finding.severity = row.get("SEVERITY");
        String scan = row.get("LAST SCAN");
        finding.date = truthy(scan) ? QualysDates.timestamp(QualysDates.loose(scan.replace("Z", ""))) : null;
        return finding;
    }

    private static Finding base(CsvDictReader.Row row, String title, String solution, String threat, String impact) {
        Finding finding = new Finding();
        finding.title = "QID-" + PythonText.str(row.get("QID")) + " | " + PythonText.str(title);
        finding.mitigation = solution;
        finding.description = PythonText.str(threat) + "\nResult Evidence: \n" + PythonText.str(threat);
        finding.impact = impact;
        finding.vulnIdFromTool = row.get("QID");
        finding.dynamicFinding = true;
        return finding;
    }

    private static io.findingflow.schemas.Endpoint endpoint(CsvDictReader.Row row) {
        if (truthy(row.get("FQDN"))) {
            return EndpointCleaner.fromUrl(row.get("FQDN"));
        }
        if (truthy(row.get("DNS"))) {
            return EndpointCleaner.of("", row.get("DNS"), null, "", "", "");
        }
        return EndpointCleaner.of("", row.get("IP"), null, "", "", "");
    }

    /** "8.1 (AV:N/...)" and "7.4 (E:U/...)" joined into one CVSS:3.0 vector; null without a base. */
    private static String vector(String base, String temporal) {
        if (!truthy(base)) {
            return null;
        }
        StringBuilder vector = new StringBuilder("CVSS:3.0/");
        Matcher baseVector = SCORE_AND_VECTOR.matcher(base);
        if (baseVector.find()) {
            vector.append(baseVector.group(1));
        }
        if (truthy(temporal)) {
            Matcher temporalVector = SCORE_AND_VECTOR.matcher(temporal);
            if (temporalVector.find()) {
                vector.append('/').append(temporalVector.group(1));
            }
        }
        return vector.toString();
    }

    /** Comma separated ids, each stripped (empty pieces kept, as DefectDojo does). */
    private static List<String> cves(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return text.contains(",")
                ? java.util.Arrays.stream(text.split(",", -1)).map(String::strip).toList()
                : List.of(text.strip());
    }

    private static boolean truthy(String value) {
        return CsvDictReader.Row.truthy(value);
    }
}
