package io.findingflow.parsers.semgrep;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;

/** Semgrep Assistant's autofix, guidance and triage verdict (Semgrep App exports) on a finding. */
final class SemgrepAssistant {

    private SemgrepAssistant() {}

    static void apply(Finding finding, JsonNode assistant) {
        if (!truthy(assistant)) {
            return;
        }
        StringBuilder mitigation = new StringBuilder();
        StringBuilder justification = new StringBuilder();
        JsonNode autofix = assistant.get("autofix");
        if (truthy(autofix)) {
            mitigation.append("**Assistant explanation:** ").append(text(autofix, "explanation"))
                    .append(" \n\n**Assistant suggested code**:\n").append(text(autofix, "fix_code")).append("\n\n");
        }
        JsonNode component = assistant.get("component");
        if (truthy(component)) {
            justification.append("Assistant thinks this file is ").append(text(component, "risk"))
                    .append(" risk because it relates to ").append(text(component, "tag")).append("\n\n");
        }
        JsonNode guidance = assistant.get("guidance");
        if (truthy(guidance)) {
            mitigation.append("**Assistant guidance:**\n").append(text(guidance, "summary")).append('\n')
                    .append(text(guidance, "instructions")).append('\n');
        }
        JsonNode autotriage = assistant.get("autotriage");
        if (truthy(autotriage)) {
            justification.append("Assistant thinks this is a ").append(text(autotriage, "verdict")).append('.');
            if (truthy(autotriage.get("reason"))) {
                justification.append(' ').append(text(autotriage, "reason"));
            }
            justification.append('\n');
        }
        if (mitigation.length() > 0) {
            finding.mitigation = mitigation.toString();
        }
        if (justification.length() > 0) {
            finding.severityJustification = justification.toString();
        }
    }

    private static String text(JsonNode node, String field) {
        return PythonText.str(SemgrepFindings.required(node, field));
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        return value.isNumber() ? value.doubleValue() != 0 : value.asBoolean();
    }
}
