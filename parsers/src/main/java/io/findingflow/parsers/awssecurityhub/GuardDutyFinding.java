package io.findingflow.parsers.awssecurityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.time.Clock;

/**
 * An Amazon GuardDuty finding: always active (a threat stays worth a look), mitigated once its record
 * is archived; EC2 and ECR resources become hosts.
 */
final class GuardDutyFinding {

    private static final String FINDING_TYPES_DOC =
            "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-active.html";

    private GuardDutyFinding() {}

    static Finding toFinding(JsonNode node, Clock clock) {
        Finding finding = AsffFields.base(node);
        StringBuilder mitigation = new StringBuilder();
        for (JsonNode type : node.path("FindingProviderFields").path("Types")) {
            mitigation.append(PythonText.str(type)).append('\n');
        }
        mitigation.append('[').append(FINDING_TYPES_DOC).append("](").append(FINDING_TYPES_DOC).append(')');
        finding.mitigation = mitigation.toString();

        finding.active = true;
        if ("ACTIVE".equals(AsffFields.text(node, "RecordState", null))) {
            finding.isMitigated = false;
        } else {
            AsffFields.mitigate(finding, node, clock);
        }

        StringBuilder description = new StringBuilder("This is a GuardDuty Finding\n")
                .append(AsffFields.text(node, "Description", "")).append('\n')
                .append("**AWS Finding ARN:** ").append(finding.uniqueIdFromTool).append('\n');
        String sourceUrl = AsffFields.truthy(node.get("SourceUrl"));
        if (sourceUrl != null) {
            description.append("**SourceURL:** [").append(sourceUrl).append("](").append(sourceUrl).append(")\n");
        }
        description.append("**AwsAccountId:** ").append(AsffFields.text(node, "AwsAccountId", "")).append('\n')
                .append("**Region:** ").append(AsffFields.text(node, "Region", "")).append('\n')
                .append("**Generator ID:** ").append(AsffFields.text(node, "GeneratorId", "")).append('\n');
        finding.description = description.toString();

        for (JsonNode resource : node.path("Resources")) {
            String type = resource.path("Type").asText("");
            if (type.equals("AwsEcrContainerImage") || type.equals("AwsEc2Instance")) {
                finding.addEndpoint(AsffFields.host(resource));
            }
        }
        AsffFields.Resources resources = AsffFields.resources(node, false);
        finding.title = AsffFields.text(node, "Title", "") + resources.titleSuffix;
        finding.componentName = resources.componentName;
        finding.impact = String.join("\n", resources.impact);
        String url = AsffFields.recommendationUrl(node);
        finding.references = url == null ? "" : url;
        return finding;
    }
}
