package io.findingflow.parsers.awssecurityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.Cvss3Vector;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * An Amazon Inspector finding: package vulnerabilities with their ids, upgrade advice, EPSS and
 * CVSS vectors; every resource becomes a host.
 */
final class InspectorFinding {

    private InspectorFinding() {}

    static Finding toFinding(JsonNode node, Clock clock) {
        Finding finding = AsffFields.base(node);
        finding.description = "This is an Inspector Finding\n" + AsffFields.text(node, "Description", "") + "\n"
                + "**AWS Finding ARN:** " + finding.uniqueIdFromTool + "\n"
                + "**AwsAccountId:** " + AsffFields.text(node, "AwsAccountId", "") + "\n"
                + "**Region:** " + AsffFields.text(node, "Region", "") + "\n";

        StringBuilder mitigation = new StringBuilder();
        List<String> references = new ArrayList<>();
        JsonNode epss = node.get("EpssScore");
        String cvssv3 = null;
        String cvssv4 = null;
        for (JsonNode vulnerability : node.path("Vulnerabilities")) {
            String id = AsffFields.truthy(vulnerability.get("Id"));
            if (id != null) {
                finding.vulnerabilityIds.add(id);
            }
            for (JsonNode alias : vulnerability.path("RelatedVulnerabilities")) {
                String related = PythonText.str(alias);
                if (!related.equals(id)) {
                    finding.vulnerabilityIds.add(related);
                }
            }
            for (JsonNode pkg : vulnerability.path("VulnerablePackages")) {
                mitigation.append("- Update ").append(AsffFields.text(pkg, "Name", "")).append('-')
                        .append(AsffFields.text(pkg, "Version", "")).append('\n');
                String remediation = AsffFields.truthy(pkg.get("Remediation"));
                if (remediation != null) {
                    mitigation.append("\t- ").append(remediation).append('\n');
                }
            }
            String vendorUrl = AsffFields.truthy(vulnerability.path("Vendor").get("Url"));
            if (vendorUrl != null) {
                references.add(vendorUrl);
            }
            if (vulnerability.hasNonNull("EpssScore")) {
                epss = vulnerability.get("EpssScore");
            }
            for (JsonNode cvss : vulnerability.path("Cvss")) {
                String vector = cvss.path("BaseVector").asText("");
                Cvss3Vector v3 = Cvss3Vector.parseOrNull(vector);
                if (cvssv3 == null && v3 != null) {
                    cvssv3 = v3.cleanVector();
                }
                String v4 = Cvss4Vectors.clean(vector);
                if (cvssv4 == null && v4 != null) {
                    cvssv4 = v4;
                }
            }
        }
        finding.mitigation = mitigation.toString();
        finding.epssScore = number(epss);
        finding.cvssv3 = cvssv3;
        finding.cvssv4 = cvssv4;
        finding.severityJustification = justification(cvssv3, cvssv4, AsffFields.severityLabel(node));

        String status = AsffFields.text(node.path("ProductFields"), "aws/inspector/FindingStatus", "ACTIVE");
        if (status.equals("ACTIVE")) {
            finding.active = true;
            finding.isMitigated = false;
        } else {
            finding.active = false;
            AsffFields.mitigate(finding, node, clock);
        }

        for (JsonNode resource : node.path("Resources")) {
            finding.addEndpoint(AsffFields.host(resource));
        }
        AsffFields.Resources resources = AsffFields.resources(node, true);
        finding.title = AsffFields.text(node, "Title", "") + resources.titleSuffix;
        finding.componentName = resources.componentName;
        finding.impact = String.join("\n", resources.impact);
        String url = AsffFields.recommendationUrl(node);
        if (url != null) {
            references.add(url);
        }
        finding.references = String.join("\n", references);
        return finding;
    }

    private static String justification(String cvssv3, String cvssv4, String awsSeverity) {
        List<String> lines = new ArrayList<>();
        if (cvssv3 != null) {
            lines.add("CVSS v3 vector: " + cvssv3);
        }
        if (cvssv4 != null) {
            lines.add("CVSS v4 vector: " + cvssv4);
        }
        lines.add("AWS severity: " + awsSeverity);
        return String.join("\n", lines);
    }

    /** EPSS arrives as a number or a numeric string ("0.00239"). */
    private static Double number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.valueOf(value.asText().strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
