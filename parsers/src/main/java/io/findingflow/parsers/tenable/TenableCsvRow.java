package io.findingflow.parsers.tenable;

import io.findingflow.parsers.CsvDictReader;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.PlainHostEndpoints;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds CSV rows into the finding of their severity + name + host + port + synopsis. One per
 * report: it holds the report's column positions and what its rows repeat (plugin texts, severity
 * justifications, the last host's endpoint).
 */
final class TenableCsvRow {

    private static final String[] LEVELS = {"Info", "Low", "Medium", "High", "Critical"};
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern CVE = Pattern.compile("CVE-[0-9]+-[0-9]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPE = Pattern.compile("cpe:/[^\\n ]+");
    private static final DedupSettings DEDUP = DedupSettings.forScanType(TenableParser.SCAN_TYPE);

    private final TenableCsvColumns columns;
    private final TenableCsvTexts texts = new TenableCsvTexts();
    private final TenableJustifications justifications;
    /** Nessus lists a host's plugins one after the other: the endpoint of the previous row, and its parts. */
    private String lastHost;
    private String lastProtocol;
    private String lastPort;
    private Endpoint lastEndpoint;

    TenableCsvRow(TenableCsvColumns columns) {
        this.columns = columns;
        this.justifications = new TenableJustifications(columns, texts);
    }

    void merge(CsvDictReader.Row row, CsvMergeTable findings) {
        String title = get(row, columns.title, null);
        if (empty(title)) {
            return;
        }
        String rawSeverity = get(row, columns.risk, "");
        if (empty(rawSeverity)) {
            rawSeverity = get(row, columns.severity, "Info");
        }
        String severity = severity(rawSeverity);
        title = texts.shared(title);
        String synopsisCell = texts.shared(row.cell(columns.synopsis));
        String host = py(get(row, columns.host, "No host"));
        String port = py(get(row, columns.port, "No port"));
        String synopsis = columns.synopsis < 0 ? "No synopsis" : py(synopsisCell);
        String[] key = {severity, title, host, port, synopsis};
        int hash = CsvMergeTable.hash(key);
        MergedFinding merged = findings.get(key, hash);
        boolean firstRow = merged == null;
        if (firstRow) {
            merged = new MergedFinding(create(row, title, severity),
                    columns.synopsis < 0 ? "N/A" : py(synopsisCell));
            findings.add(key, hash, merged);
        } else {
            merged.changed();
        }
        Finding finding = merged.finding;
        String pluginOutput = py(get(row, columns.pluginOutput, ""));
        if (!pluginOutput.isEmpty()) {
            merged.appendOutput(pluginOutput);
        }
        String cveCell = py(get(row, columns.cve, ""));
        if (!cveCell.isEmpty()) { // most rows have none: no upper-casing and matcher for them
            if (isOneCve(cveCell)) {
                finding.vulnerabilityIds.add(cveCell);
            } else {
                Matcher cves = CVE.matcher(cveCell.toUpperCase(Locale.ROOT));
                while (cves.find()) {
                    finding.vulnerabilityIds.add(cves.group());
                }
            }
        }
        finding.addEndpoint(endpoint(row));
        if (firstRow) {
            merged.hashNow(DEDUP);
        }
    }

    private Finding create(CsvDictReader.Row row, String title, String severity) {
        Finding finding = new Finding();
        finding.title = title;
        finding.severity = severity;
        finding.dynamicFinding = true;
        String epss = columns.epss < 0 ? null : row.cell(columns.epss);
        if (!empty(epss)) {
            finding.epssScore = number(epss.contains("0.") ? epss : "0." + epss);
        }
        finding.severityJustification = justifications.of(severity, row);
        finding.mitigation = texts.shared(py(get(row, columns.solution, "N/A")));
        finding.impact = texts.shared(get(row, columns.description, "N/A"));
        finding.references = references(row);
        String vector = get(row, columns.cvss3Vector, "");
        if (!empty(vector)) {
            Cvss3Vector parsed = Cvss3Vector.parseOrNull(vector.startsWith("CVSS:3.") ? vector : "CVSS:3.0/" + vector);
            finding.cvssv3 = parsed == null ? null : parsed.cleanVector();
        }
        String score = get(row, columns.cvss3Score, "");
        if (!empty(score)) {
            finding.cvssv3Score = number(score);
        }
        String cpeCell = py(get(row, columns.cpe, ""));
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

    private String references(CsvDictReader.Row row) {
        String references = columns.references < 0 ? "" : py(row.cell(columns.references));
        String seeAlso = py(get(row, columns.seeAlso, "N/A"));
        String plugin = py(get(row, columns.plugin, "N/A"));
        String information = py(get(row, columns.pluginInformation, "N/A"));
        String published = py(get(row, columns.pluginPublished, "N/A"));
        String modified = py(get(row, columns.pluginModified, "N/A"));
        return new StringBuilder(references.length() + seeAlso.length() + plugin.length() + information.length()
                        + published.length() + modified.length() + 110)
                .append(references).append(seeAlso)
                .append("\nTenable Plugin ID: ").append(plugin)
                .append("\nPlugin Information: ").append(information)
                .append("\nPlugin Publication Date: ").append(published)
                .append("\nPlugin Modification Date: ").append(modified)
                .toString();
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

    /**
     * A cell that is exactly one upper-case id, "CVE-2021-1234": what the CVE pattern finds in it
     * is the cell itself, so the upper-casing and the matcher are not needed.
     */
    static boolean isOneCve(String cell) {
        if (!cell.startsWith("CVE-")) {
            return false;
        }
        int i = 4;
        int year = i;
        while (i < cell.length() && isDigit(cell.charAt(i))) {
            i++;
        }
        if (i == year || i == cell.length() || cell.charAt(i) != '-') {
            return false;
        }
        int number = ++i;
        while (i < cell.length() && isDigit(cell.charAt(i))) {
            i++;
        }
        return i > number && i == cell.length();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Endpoint endpoint(CsvDictReader.Row row) {
        String host = py(get(row, columns.host, ""));
        if (host.isEmpty()) {
            host = py(get(row, columns.dnsName, ""));
        }
        if (host.isEmpty()) {
            host = py(get(row, columns.ipAddress, "localhost"));
        }
        String protocol = py(get(row, columns.protocol, ""));
        String port = py(get(row, columns.port, ""));
        if (!(host.equals(lastHost) && protocol.equals(lastProtocol) && port.equals(lastPort))) {
            lastEndpoint = endpoint(host, protocol, port);
            lastHost = host;
            lastProtocol = protocol;
            lastPort = port;
        }
        return lastEndpoint;
    }

    private static Endpoint endpoint(String host, String protocol, String port) {
        if (host.contains("://")) {
            return EndpointCleaner.fromUrl(host);
        }
        Integer portNumber = port.isEmpty() || port.equals("0") ? null : portNumber(port);
        return PlainHostEndpoints.of(protocol.toLowerCase(Locale.ROOT), host, portNumber);
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

    private static String get(CsvDictReader.Row row, int column, String fallback) {
        return TenableCsvColumns.get(row, column, fallback);
    }

    private static boolean empty(String value) {
        return !CsvDictReader.Row.truthy(value);
    }

    /** Python's {@code str()} of a cell: a missing cell of a short row prints as "None". */
    private static String py(String value) {
        return value == null ? "None" : value;
    }
}
