package io.findingflow.parsers.qualys;

import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The findings of one HOST: one per VULN_INFO, completed from the glossary entry of its QID. */
final class QualysXmlFinding {

    private static final Set<String> OPEN = Set.of("Active", "Re-Opened", "New");
    private static final Map<String, String> TYPES =
            Map.of("Ig", "INFORMATION GATHERED", "Practice", "POTENTIAL", "Vuln", "CONFIRMED");

    private QualysXmlFinding() {}

    static void host(XmlSubtree host, Map<String, XmlSubtree> glossary, ScanContext context, FindingSink out)
            throws ParseException {
        String dns = host.findText("DNS");
        String address = dns != null && !dns.isEmpty() ? dns : host.findText("IP");
        for (XmlSubtree detection : host.findAll("VULN_INFO_LIST/VULN_INFO")) {
            out.accept(finding(detection, glossary, context, address));
        }
    }

    private static Finding finding(XmlSubtree detection, Map<String, XmlSubtree> glossary, ScanContext context,
            String address) throws ParseException {
        XmlSubtree qid = detection.child("QID");
        String gid = qid == null ? null : qid.attr("id");
        if (gid == null) {
            throw new ParseException("Invalid Qualys XML report: a VULN_INFO has no QID id attribute");
        }
        XmlSubtree details = glossary.get(gid);
        if (details == null) {
            throw new ParseException("Invalid Qualys XML report: QID " + gid + " has no GLOSSARY entry");
        }
        Finding finding = new Finding();
        finding.title = "QID-" + (gid.length() > 4 ? gid.substring(4) : "") + " | "
                + PythonText.str(details.findText("TITLE"));
        finding.severity = severity(details.findText("SEVERITY"), context);
        finding.mitigation = QualysHtml.text(details.findText("SOLUTION"));
        finding.description = description(detection, details, gid);
        finding.impact = QualysHtml.text(details.findText("IMPACT"));
        finding.vulnIdFromTool = gid;
        finding.date = QualysDates.dayOf(QualysDates.xml(detection.findText(
                context.flag(ScanContext.USE_FIRST_SEEN) ? "FIRST_FOUND" : "LAST_FOUND")));
        finding.dynamicFinding = true;
        finding.verified = true;
        String status = detection.findText("VULN_STATUS");
        finding.active = status != null && OPEN.contains(status);
        finding.isMitigated = !finding.active;
        if (!finding.active) {
            finding.mitigated = QualysDates.timestamp(QualysDates.xml(detection.findText("LAST_FIXED")));
        }
        cvss(finding, detection, details);
        List<String> ids = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<XmlSubtree> cves = details.findAll("CVE_ID_LIST/CVE_ID");
        for (XmlSubtree cve : cves) {
            addIfPresent(ids, cve.findText("ID"));
            addIfPresent(links, cve.findText("URL"));
        }
        finding.vulnerabilityIds = ids;
        finding.references = cves.isEmpty() ? gid : links;
        Endpoint endpoint = EndpointCleaner.of("", address, null, "", "", "");
        finding.addEndpoint(endpoint);
        return finding;
    }

    /** Threat, then one line per detection attribute, each through html2text as DefectDojo does. */
    private static String description(XmlSubtree detection, XmlSubtree details, String gid) {
        String typeCode = detection.findText("TYPE");
        String type = typeCode == null ? "Unknown" : TYPES.getOrDefault(typeCode, "Unknown");
        return String.join("\n",
                QualysHtml.text(PythonText.str(details.findText("THREAT"))),
                QualysHtml.text("Type: " + type),
                QualysHtml.text("Category: " + PythonText.str(detection.findText("CATEGORY"))),
                QualysHtml.text("QID: " + gid),
                QualysHtml.text("Port: " + PythonText.str(detection.findText("PORT"))),
                QualysHtml.text("Result Evidence: " + PythonText.str(detection.findText("RESULT"))),
                QualysHtml.text("First Found: " + PythonText.str(detection.findText("FIRST_FOUND"))),
                QualysHtml.text("Last Found: " + PythonText.str(detection.findText("LAST_FOUND"))),
                QualysHtml.text("Times Found: " + PythonText.str(detection.findText("TIMES_FOUND"))));
    }

    /**
     * The detection's CVSS3_FINAL ("8.2" or "8.2 (AV:...)"), else its CVSS_FINAL (score only), else
     * the glossary's CVSS3 base. A score is kept even without a vector.
     */
    private static void cvss(Finding finding, XmlSubtree detection, XmlSubtree details) {
        Cvss cvss = new Cvss();
        String v3 = detection.findText("CVSS3_FINAL");
        if (v3 != null && !v3.equals("-")) {
            cvss.split(v3);
        } else {
            String v2 = detection.findText("CVSS_FINAL");
            if (v2 != null && !v2.equals("-")) {
                cvss.split(v2);
                cvss.vector = null;
            }
        }
        if (cvss.score == null) {
            String base = details.findText("CVSS3_SCORE/CVSS3_BASE");
            if (base != null && !base.equals("-")) {
                cvss.split(base);
            } else {
                String v2 = details.findText("CVSS_FINAL");
                if (v2 != null && !v2.equals("-")) {
                    cvss.split(v2);
                    cvss.vector = null;
                }
            }
        }
        if (cvss.vector != null) {
            Cvss3Vector vector = Cvss3Vector.firstInText(cvss.vector);
            if (vector != null) {
                finding.cvssv3 = vector.cleanVector();
                finding.cvssv3Score = vector.environmentalScore();
            }
        }
        if (cvss.score != null) {
            finding.cvssv3Score = cvss.score;
        }
    }

    private static String severity(String level, ScanContext context) {
        try {
            String number = level == null || level.isBlank() ? "-1" : String.valueOf(Integer.parseInt(level.strip()));
            return QualysParser.severity(number, context);
        } catch (NumberFormatException notANumber) {
            return "Info";
        }
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isEmpty()) {
            list.add(value);
        }
    }

    /** DefectDojo's split_cvss: "score" or "score (vector)", the first value found wins. */
    private static final class Cvss {
        Double score;
        String vector;

        void split(String value) {
            if (value.isEmpty()) {
                return;
            }
            if (value.length() > 4) {
                int open = value.indexOf(" (");
                if (score == null) {
                    score = number(open < 0 ? value : value.substring(0, open));
                }
                if (vector == null && open >= 0 && value.length() > open + 2) {
                    Cvss3Vector parsed = Cvss3Vector.parseOrNull(
                            "CVSS:3.0/" + value.substring(open + 2, value.length() - 1));
                    vector = parsed == null ? null : parsed.cleanVector();
                }
            } else if (score == null) {
                score = number(value);
            }
        }

        private static Double number(String text) {
            try {
                return Double.parseDouble(text.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
    }
}
