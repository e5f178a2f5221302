package io.findingflow.parsers.kubebench;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.Locale;

/**
 * One kube-bench chapter: its sections' failed checks become Medium findings and its warnings
 * Info ones, except warnings that only say the check is manual. Passed and info results are dropped.
 */
final class KubebenchChapter {

    private static final String MANUAL = "Test marked as a manual test";

    /** A chapter, section or result missing what DefectDojo's parser requires. */
    static final class BadControl extends RuntimeException {
        BadControl(String message) {
            super(message);
        }
    }

    private KubebenchChapter() {}

    static void read(JsonNode chapter, FindingSink out) {
        String description = heading(chapter, "id", "text");
        for (JsonNode section : list(chapter, "tests")) {
            String sectionDescription = description + heading(section, "section", "desc");
            for (JsonNode result : list(section, "results")) {
                Finding finding = toFinding(result, sectionDescription);
                if (finding != null) {
                    out.accept(finding);
                }
            }
        }
    }

    private static Finding toFinding(JsonNode result, String heading) {
        if (!result.isObject()) {
            throw new BadControl("a result is not an object");
        }
        JsonNode status = result.get("status");
        if (status == null || status.isNull()) {
            return null;
        }
        JsonNode reason = result.get("reason");
        String upper = text(status, "status").toUpperCase(Locale.ROOT);
        String severity;
        if (upper.equals("FAIL")) {
            severity = "Medium";
        } else if (upper.equals("WARN") && !(reason != null && MANUAL.equals(reason.textValue()))) {
            severity = "Info";
        } else {
            return null;
        }
        String testNumber = result.has("test_number") ? text(result.get("test_number"), "test_number") : "Test number not found";
        String testDescription = result.has("test_desc") ? text(result.get("test_desc"), "test_desc") : "Description not found";
        StringBuilder description = new StringBuilder(heading);
        if (result.has("test_number")) {
            description.append(testNumber).append(' ');
        }
        if (result.has("test_desc")) {
            description.append(testDescription);
        }
        if (result.has("audit")) {
            description.append("\nAudit: ").append(PythonText.str(result.get("audit"))).append('\n');
        }
        appendUnlessEmpty(description, result, "reason", "Reason");
        appendUnlessEmpty(description, result, "expected_result", "Expected result");
        appendUnlessEmpty(description, result, "actual_value", "Actual value");

        Finding finding = new Finding();
        finding.title = testNumber + " - " + testDescription;
        finding.description = description.toString();
        finding.severity = severity;
        JsonNode remediation = result.get("remediation");
        finding.mitigation = remediation == null || remediation.isNull() ? null : PythonText.str(remediation);
        finding.vulnIdFromTool = testNumber;
        finding.staticFinding = true;
        return finding;
    }

    private static void appendUnlessEmpty(StringBuilder description, JsonNode result, String field, String label) {
        JsonNode value = result.get(field);
        if (value != null && !(value.isTextual() && value.textValue().isEmpty())) {
            description.append('\n').append(label).append(": ").append(PythonText.str(value)).append('\n');
        }
    }

    /** "id text\n" from whichever of the two keys are present. */
    private static String heading(JsonNode node, String idField, String textField) {
        if (!node.isObject()) {
            throw new BadControl("a control or section is not an object");
        }
        StringBuilder heading = new StringBuilder();
        if (node.has(idField)) {
            heading.append(text(node.get(idField), idField)).append(' ');
        }
        if (node.has(textField)) {
            heading.append(text(node.get(textField), textField));
        }
        return heading.append('\n').toString();
    }

    private static JsonNode list(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new BadControl("\"" + field + "\" is missing or not a list");
        }
        return value;
    }

    /** A value DefectDojo concatenates as a string (anything else is a TypeError there). */
    private static String text(JsonNode value, String field) {
        if (value == null || !value.isTextual()) {
            throw new BadControl("\"" + field + "\" is not a string");
        }
        return value.textValue();
    }
}
