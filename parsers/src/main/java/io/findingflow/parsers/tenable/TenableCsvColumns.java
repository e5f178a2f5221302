package io.findingflow.parsers.tenable;

import io.findingflow.parsers.CsvDictReader;

/**
 * Where each cell DefectDojo's Tenable CSV parser reads sits in this file's rows, resolved once from
 * the header: {@code row.get(a, row.get(b, fallback))} is the first of a and b the header has, or
 * the fallback when it has neither (-1 here). Looking the names up per row and cell cost more than
 * reading the cells.
 */
final class TenableCsvColumns {

    /** DefectDojo's severity justification lines, in its order. */
    static final String[] SCORE_COLUMNS = {"VPR score", "EPSS Score", "Risk Factor", "STIG Severity",
        "CVSS v4.0 Base Score", "CVSS v4.0 Base+Threat Score", "CVSS v3.0 Base Score", "CVSS v3.0 Temporal Score",
        "Metasploit", "Core Impact", "CANVAS", "XREF"};

    final int title;
    final int risk;
    final int severity;
    final int host;
    final int port;
    final int synopsis;
    final int pluginOutput;
    final int cve;
    final int epss;
    /** Per {@link #SCORE_COLUMNS} entry, its index or -1. */
    final int[] scores;
    final int solution;
    final int description;
    final int references;
    final int seeAlso;
    final int plugin;
    final int pluginInformation;
    final int pluginPublished;
    final int pluginModified;
    final int cvss3Vector;
    final int cvss3Score;
    final int cpe;
    final int dnsName;
    final int ipAddress;
    final int protocol;

    TenableCsvColumns(CsvDictReader reader) {
        title = reader.firstColumn("Name", "Plugin Name", "asset.name");
        risk = reader.firstColumn("Risk", "severity");
        severity = reader.column("Severity");
        host = reader.firstColumn("Host", "asset.host_name");
        port = reader.firstColumn("Port", "asset.port");
        synopsis = reader.firstColumn("Synopsis", "definition.synopsis");
        pluginOutput = reader.firstColumn("Plugin Output", "output");
        cve = reader.firstColumn("CVE", "definition.cve");
        epss = reader.column("EPSS Score");
        scores = new int[SCORE_COLUMNS.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = reader.column(SCORE_COLUMNS[i]);
        }
        solution = reader.firstColumn("Solution", "definition.solution", "Steps to Remediate");
        description = reader.firstColumn("Description", "definition.description");
        references = reader.column("References");
        seeAlso = reader.firstColumn("See Also", "definition.see_also");
        plugin = reader.column("Plugin");
        pluginInformation = reader.column("Plugin Information");
        pluginPublished = reader.column("Plugin Publication Date");
        pluginModified = reader.column("Plugin Modification Date");
        cvss3Vector = reader.column("CVSS V3 Vector");
        cvss3Score = reader.firstColumn("CVSSv3", "definition.cvss3.base_score");
        cpe = reader.firstColumn("CPE", "definition.cpe");
        dnsName = reader.column("DNS Name");
        ipAddress = reader.column("IP Address");
        protocol = reader.firstColumn("Protocol", "protocol");
    }

    /** {@code row.get(column, fallback)}: the fallback when the header has no such column, None (null) for a short row. */
    static String get(CsvDictReader.Row row, int column, String fallback) {
        return column < 0 ? fallback : row.cell(column);
    }
}
