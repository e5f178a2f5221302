package io.findingflow.parsers.tenable;

import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.CsvDictReader;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One CSV row, folded into the finding of its severity + name + host + port + synopsis. */
final class TenableCsvRow {

    private static final String[] LEVELS = {"Info", "Low", "Medium", "High", "Critical"};
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern CVE = Pattern.compile("CVE-[0-9]+-[0-9]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPE = Pattern.compile("cpe:/[^\\n ]+");
    private static final List<String> SCORE_COLUMNS = List.of("VPR score", "EPSS Score", "Risk Factor",
            "STIG Severity", "CVSS v4.0 Base Score", "CVSS v4.0 Base+Threat Score",
            "CVSS v3.0 Base Score", "CVSS v3.0 Temporal Score", "Metasploit", "Core Impact", "CANVAS", "XREF");

    private TenableCsvRow() {}

    static void merge(CsvDictReader.Row row, Map<String, MergedFinding> findings, TenableCsvTexts texts) {
        String title = row.first(null, "Name", "Plugin Name", "asset.name");
        if (empty(title)) {
            return;
        }
        String rawSeverity = row.first("", "Risk", "severity");
        if (empty(rawSeverity)) {
            rawSeverity = row.get("Severity", "Info");
        }
        String severity = severity(rawSeverity);
        String key = severity + title + py(row.first("No host", "Host", "asset.host_name"))
                + py(row.first("No port", "Port", "asset.port"))
                + py(row.first("No synopsis", "Synopsis", "definition.synopsis"));
        MergedFinding merged = findings.get(key);
        if (merged == null) {
            merged = new MergedFinding(create(row, title, severity, texts),
                    texts.shared(py(row.first("N/A", "Synopsis", "definition.synopsis"))));
            findings.put(key, merged);
        }
        Finding finding = merged.finding;
        String pluginOutput = py(row.first("", "Plugin Output", "output"));
        if (!pluginOutput.isEmpty()) {
            merged.appendToDescription("\n\n" + pluginOutput);
        }
        String cveCell = py(row.first("", "CVE", "definition.cve"));
        if (!cveCell.isEmpty()) { // most rows have none: no upper-casing and matcher for them
            Matcher cves = CVE.matcher(cveCell.toUpperCase(Locale.ROOT));
            while (cves.find()) {
                finding.vulnerabilityIds.add(cves.group());
            }
        }
        finding.addEndpoint(endpoint(row));
    }

    private static Finding create(CsvDictReader.Row row, String title, String severity, TenableCsvTexts texts) {
        Finding finding = new Finding();
        finding.title = title;
        finding.severity = severity;
        finding.dynamicFinding = true;
        String epss = row.has("EPSS Score") ? row.get("EPSS Score", null) : null;
        if (!empty(epss)) {
            finding.epssScore = number(epss.contains("0.") ? epss : "0." + epss);
        }
        StringBuilder justification = new StringBuilder("Severity: ").append(severity).append('\n');
        for (String column : SCORE_COLUMNS) {
            justification.append(column).append(": ").append(py(row.get(column, "N/A"))).append('\n');
        }
        finding.severityJustification = texts.shared(justification.toString());
        finding.mitigation =
                texts.shared(py(row.first("N/A", "Solution", "definition.solution", "Steps to Remediate")));
        finding.impact = texts.shared(row.first("N/A", "Description", "definition.description"));
        finding.references = (row.has("References") ? py(row.get("References", "")) : "")
                + py(row.first("N/A", "See Also", "definition.see_also"))
                + "\nTenable Plugin ID: " + py(row.get("Plugin", "N/A"))
                + "\nPlugin Information: " + py(row.get("Plugin Information", "N/A"))
                + "\nPlugin Publication Date: " + py(row.get("Plugin Publication Date", "N/A"))
                + "\nPlugin Modification Date: " + py(row.get("Plugin Modification Date", "N/A"));
        String vector = row.get("CVSS V3 Vector", "");
        if (!empty(vector)) {
            Cvss3Vector parsed = Cvss3Vector.parseOrNull(vector.startsWith("CVSS:3.") ? vector : "CVSS:3.0/" + vector);
            finding.cvssv3 = parsed == null ? null : parsed.cleanVector();
        }
        String score = row.first("", "CVSSv3", "definition.cvss3.base_score");
        if (!empty(score)) {
            finding.cvssv3Score = number(score);
        }
        String cpeCell = py(row.first("", "CPE", "definition.cpe"));
        Matcher cpe = cpeCell.contains("cpe:/") ? CPE.matcher(cpeCell) : null; // a matcher only where one can match
        if (cpe != null && cpe.find()) {
            String[] component = TenableCpe.productAndVersion(cpe.group());
            if (component != null) {
                finding.componentName = component[0];
                finding.componentVersion = component[1];
            }
        }
        return finding;
    }

    /** A number 1-4 maps to Low..Critical, a word is title-cased; anything else is Info. */
    static String severity(String raw) {
        if (raw == null) {
            return LEVELS[0];
        }
        for (String level : LEVELS) {
            if (level.equals(raw)) { // the usual spelling: no strip, regex or case-insensitive loop
                return level;
            }
        }
        String stripped = raw.strip();
        if (startsLikeInteger(stripped) && INTEGER.matcher(stripped).matches()) {
            String digits = stripped.replace("_", "").replace("+", "");
            return digits.matches("0*[1-4]") ? LEVELS[digits.charAt(digits.length() - 1) - '0'] : LEVELS[0];
        }
        for (String level : LEVELS) {
            if (level.equalsIgnoreCase(raw)) {
                return level;
            }
        }
        return Severity.INFO.label();
    }

    /** Only then can INTEGER match: saves a regex matcher on the usual word severities. */
    private static boolean startsLikeInteger(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '+' || first == '-' || first >= '0' && first <= '9';
    }

    private static Endpoint endpoint(CsvDictReader.Row row) {
        String host = py(row.first("", "Host", "asset.host_name"));
        if (host.isEmpty()) {
            host = py(row.get("DNS Name", ""));
        }
        if (host.isEmpty()) {
            host = py(row.get("IP Address", "localhost"));
        }
        String protocol = py(row.first("", "Protocol", "protocol"));
        String port = py(row.first("", "Port", "asset.port"));
        if (host.contains("://")) {
            return EndpointCleaner.fromUrl(host);
        }
        Integer portNumber = port.isEmpty() || port.equals("0") ? null : portNumber(port);
        return EndpointCleaner.of(protocol.toLowerCase(Locale.ROOT), host, portNumber, "", "", "");
    }

    private static Integer portNumber(String port) {
        try {
            return Integer.parseInt(port.strip());
        } catch (NumberFormatException notAPort) {
            return null;
        }
    }

    private static Double number(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static boolean empty(String value) {
        return !CsvDictReader.Row.truthy(value);
    }

    /** Python's {@code str()} of a cell: a missing cell of a short row prints as "None". */
    private static String py(String value) {
        return value == null ? "None" : value;
    }
}
