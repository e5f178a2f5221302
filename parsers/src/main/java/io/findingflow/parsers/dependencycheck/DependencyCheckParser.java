package io.findingflow.parsers.dependencycheck;

import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.SafeXml;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Finding;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * OWASP Dependency-Check XML reports, every schema version (the namespace is whatever the root
 * declares). Streams one {@code dependency} at a time: each of its vulnerabilities, then each
 * suppressed one, becomes a finding; repeats of title, cwe and file path inside the report are
 * dropped, the first one kept, as DefectDojo does.
 */
public final class DependencyCheckParser implements ScanParser {

    private static final String FORMAT = "Dependency-Check XML";

    @Override
    public List<String> scanTypes() {
        return List.of("Dependency Check Scan");
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType("Dependency Check Scan");
        return "OWASP Dependency-Check XML report (all schema versions, suppressed vulnerabilities"
                + " as mitigated findings). Deduplication: " + dedup.algorithm().setting() + " on "
                + String.join(", ", dedup.hashFields()) + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        XMLStreamReader reader = SafeXml.open(report);
        try {
            if (!XmlSubtree.toRoot(reader) || !reader.getLocalName().equals("analysis")) {
                throw new ParseException("Not a " + FORMAT + " report: the root element is not <analysis>");
            }
            String scanDate = null;
            boolean dependenciesSeen = false;
            Set<String> seen = new HashSet<>();
            while (XmlSubtree.nextChild(reader)) {
                String name = reader.getLocalName();
                if (name.equals("projectInfo")) {
                    String reportDate = XmlSubtree.read(reader).findText("reportDate");
                    scanDate = reportDate == null || reportDate.isEmpty() ? null : ReportDate.isoformat(reportDate);
                } else if (name.equals("dependencies") && !dependenciesSeen) {
                    dependenciesSeen = true;
                    while (XmlSubtree.nextChild(reader)) {
                        if (reader.getLocalName().equals("dependency")) {
                            emit(XmlSubtree.read(reader), scanDate, context, seen, out);
                        } else {
                            XmlSubtree.skip(reader);
                        }
                    }
                } else {
                    XmlSubtree.skip(reader);
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid " + FORMAT + " report: " + e, e);
        }
    }

    private static void emit(XmlSubtree dependency, String scanDate, ScanContext context, Set<String> seen,
            FindingSink out) throws ParseException {
        XmlSubtree vulnerabilities = dependency.child("vulnerabilities");
        if (vulnerabilities == null || dependency.findText("fileName") == null) {
            // without a file name DefectDojo builds no finding for the dependency
            return;
        }
        DependencyComponent component = DependencyComponent.of(dependency);
        String related = relatedBlock(dependency);
        List<XmlSubtree> items = new ArrayList<>(vulnerabilities.children("vulnerability"));
        items.addAll(vulnerabilities.children("suppressedVulnerability"));
        for (XmlSubtree vulnerability : items) {
            Finding finding = VulnerabilityFinding.build(dependency, component, vulnerability, context.clock());
            finding.description += related;
            if (scanDate != null) {
                finding.date = scanDate;
            }
            String key = finding.title + "|" + finding.cwe + "|" + finding.filePath.toLowerCase(Locale.ROOT);
            if (seen.add(key)) {
                out.accept(finding);
            }
        }
    }

    /** The dependencies Dependency-Check bundled into this one, listed in the description. */
    private static String relatedBlock(XmlSubtree dependency) {
        XmlSubtree related = dependency.child("relatedDependencies");
        if (related == null) {
            return "";
        }
        List<String> entries = new ArrayList<>();
        for (XmlSubtree entry : related.children("relatedDependency")) {
            String fileName = entry.findText("fileName");
            if (fileName == null || fileName.isEmpty()) {
                continue;
            }
            String filePath = entry.findText("filePath");
            filePath = filePath == null ? "" : filePath.strip();
            entries.add(filePath.isEmpty() ? "- " + fileName : "- " + fileName + " (" + filePath + ")");
        }
        return entries.isEmpty() ? "" : "\n**Related Filepaths:**\n" + String.join("\n", entries);
    }
}
