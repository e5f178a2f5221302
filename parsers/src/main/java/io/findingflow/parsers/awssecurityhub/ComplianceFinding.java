package io.findingflow.parsers.awssecurityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Finding;
import java.time.Clock;
import java.util.TreeSet;

/** A Security Hub control (AWS Config, standards) finding: PASSED controls come in already mitigated. */
final class ComplianceFinding {

    private ComplianceFinding() {}

    static Finding toFinding(JsonNode node, Clock clock) {
        Finding finding = AsffFields.base(node);
        JsonNode recommendation = node.path("Remediation").path("Recommendation");
        finding.mitigation = AsffFields.text(recommendation, "Text", "") + "\n"
                + AsffFields.text(recommendation, "Url", "");

        TreeSet<String> resourceIds = new TreeSet<>();
        for (JsonNode resource : node.path("Resources")) {
            String arn = AsffFields.truthy(resource.get("Id"));
            if (arn != null) {
                resourceIds.add(arn);
            }
        }
        StringBuilder description = new StringBuilder("This is a Security Hub Finding \n")
                .append(AsffFields.text(node, "Description", "")).append('\n')
                .append("**AWS Finding ARN:** ").append(finding.uniqueIdFromTool).append('\n')
                .append("**Resource IDs:** ").append(String.join(", ", resourceIds)).append('\n')
                .append("**AwsAccountId:** ").append(AsffFields.text(node, "AwsAccountId", "")).append('\n');
        String region = AsffFields.truthy(node.get("Region"));
        if (region != null) {
            description.append("**Region:** ").append(region).append('\n');
        }
        description.append("**Generator ID:** ").append(AsffFields.text(node, "GeneratorId", "")).append('\n');
        finding.description = description.toString();

        if (AsffFields.text(node.path("Compliance"), "Status", "PASSED").equals("PASSED")) {
            finding.active = false;
            AsffFields.mitigate(finding, node, clock);
        } else {
            finding.active = true;
            finding.isMitigated = false;
        }

        AsffFields.Resources resources = AsffFields.resources(node, true);
        finding.title = AsffFields.text(node, "Title", "") + resources.titleSuffix;
        finding.componentName = resources.componentName;
        finding.impact = String.join("\n", resources.impact);
        String url = AsffFields.recommendationUrl(node);
        finding.references = url == null ? "" : url;
        return finding;
    }
}
