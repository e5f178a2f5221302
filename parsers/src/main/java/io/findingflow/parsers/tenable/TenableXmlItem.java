package io.findingflow.parsers.tenable;

import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One ReportItem of one host, folded into the finding of its severity + plugin name. */
final class TenableXmlItem {

    private static final String[] SEVERITIES = {"Info", "Low", "Medium", "High", "Critical"};

    private TenableXmlItem() {}

    static void merge(XmlSubtree item, String ip, String fqdn, Map<String, MergedFinding> findings) {
        String title = item.attr("pluginName");
        String port = port(item.attr("port"));
        String protocol = TenableXmlParser.protocol(item);

        String description = "";
        String synopsis = childText(item, "synopsis");
        if (synopsis != null) {
            description = synopsis + "\n\n";
        }
        String pluginOutput = null;
        String output = childText(item, "plugin_output");
        if (output != null) {
            pluginOutput = "Plugin Output: " + ip + (port != null ? ":" + port : "")
                    + "\n```\n" + output + "\n```\n\n";
            description += pluginOutput;
        }

        int level = intOr(item.attr("severity"), 0);
        String severity = level >= 1 && level <= 4 ? SEVERITIES[level] : SEVERITIES[0];
        String cvss3BaseScore = childText(item, "cvss3_base_score");
        if (cvss3BaseScore != null) {
            severity = cvssSeverity(cvss3BaseScore, severity);
        }

        String key = severity + title;
        MergedFinding merged = findings.get(key);
        if (merged == null) {
            merged = new MergedFinding(create(item, title, severity), description);
            findings.put(key, merged);
        } else if (pluginOutput != null) {
            merged.appendOutput(pluginOutput);
        }
        Finding finding = merged.finding;
        String cve = childText(item, "cve");
        if (cve != null) {
            finding.vulnerabilityIds.add(cve);
        }
        finding.addEndpoint(TenableXmlParser.endpoint(protocol, fqdn != null ? fqdn : ip,
                port == null ? null : (int) Double.parseDouble(port), fqdn));
    }

    private static Finding create(XmlSubtree item, String title, String severity) {
        Finding finding = new Finding();
        finding.title = title;
        finding.severity = severity;
        finding.dynamicFinding = true;
        finding.impact = impact(item);
        String solution = childText(item, "solution");
        finding.mitigation = solution != null ? solution : "N/A";
        finding.references = references(item);
        String cwe = childText(item, "cwe");
        finding.cwe = cwe == null ? null : intOrNull(cwe.strip());
        String vector = childText(item, "cvss3_vector");
        if (vector != null) {
            finding.cvssv3 = TenableXmlParser.cleanVector(vector);
        }
        String score = childText(item, "cvssv3");
        if (score != null) {
            finding.cvssv3Score = doubleOrNull(score);
        }
        return finding;
    }

    private static String impact(XmlSubtree item) {
        StringBuilder impact = new StringBuilder();
        String description = childText(item, "description");
        if (description != null) {
            impact.append(description).append("\n\n");
        }
        appendLine(impact, "CVSS Score: ", childText(item, "cvss"));
        appendLine(impact, "CVSSv3 Score: ", childText(item, "cvssv3"));
        appendLine(impact, "CVSS Vector: ", childText(item, "cvss_vector"));
        appendLine(impact, "CVSSv3 Vector: ", childText(item, "cvss3_vector"));
        appendLine(impact, "CVSS Base Score: ", childText(item, "cvss_base_score"));
        appendLine(impact, "CVSS Temporal Score: ", childText(item, "cvss_temporal_score"));
        return impact.toString();
    }

    private static void appendLine(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(label).append(value).append('\n');
        }
    }

    /** see_also entries split on whitespace, then the xrefs, one per line (all descendants). */
    private static String references(XmlSubtree item) {
        StringBuilder references = new StringBuilder();
        for (XmlSubtree seeAlso : descendants(item, "see_also", new ArrayList<>())) {
            String text = text(seeAlso);
            if (text != null) {
                for (String ref : text.strip().split("\\s+")) {
                    if (!ref.isEmpty()) {
                        references.append(ref).append('\n');
                    }
                }
            }
        }
        for (XmlSubtree xref : descendants(item, "xref", new ArrayList<>())) {
            String text = text(xref);
            if (text != null) {
                references.append(text).append('\n');
            }
        }
        return references.toString();
    }

    private static List<XmlSubtree> descendants(XmlSubtree element, String name, List<XmlSubtree> found) {
        for (XmlSubtree child : element.children()) {
            if (child.name().equals(name)) {
                found.add(child);
            }
            descendants(child, name, found);
        }
        return found;
    }

    /** DefectDojo's safely_get_element_text: the element's text, null when absent or empty. */
    static String text(XmlSubtree element) {
        if (element == null || element.text() == null || element.text().isEmpty()) {
            return null;
        }
        return element.text();
    }

    private static String childText(XmlSubtree item, String name) {
        return text(item.child(name));
    }

    private static String cvssSeverity(String score, String fallback) {
        Double value = doubleOrNull(score);
        if (value == null) {
            return fallback;
        }
        if (value >= 9.0) {
            return Severity.CRITICAL.label();
        }
        if (value >= 7.0) {
            return Severity.HIGH.label();
        }
        if (value >= 5.0) {
            return Severity.MEDIUM.label();
        }
        return value > 0.0 ? Severity.LOW.label() : Severity.INFO.label();
    }

    /** The port attribute when it is a positive number, else null (port 0 means "no port"). */
    private static String port(String port) {
        Double value = port == null ? null : doubleOrNull(port);
        return value != null && value > 0 ? port : null;
    }

    private static int intOr(String text, int fallback) {
        Integer value = text == null ? null : intOrNull(text.strip());
        return value == null ? fallback : value;
    }

    private static Integer intOrNull(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Double doubleOrNull(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
