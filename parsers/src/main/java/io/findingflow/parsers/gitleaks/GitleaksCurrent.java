package io.findingflow.parsers.gitleaks;

import static io.findingflow.parsers.gitleaks.GitleaksLegacy.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.Map;

/**
 * A Gitleaks v8 leak. The author and e-mail are left out on purpose (DefectDojo drops them for
 * GDPR reasons). The same rule, secret and line found again is appended to the first finding.
 */
final class GitleaksCurrent {

    private GitleaksCurrent() {}

    static void add(JsonNode issue, Map<String, Finding> dupes) {
        JsonNode startLine = issue.get("StartLine");
        int line = truthy(startLine) ? toInt(startLine) : 0;
        String title = "Hard coded " + PythonText.str(issue.get("Description")) + " found in "
                + PythonText.str(issue.get("File"));
        String description = description(issue);
        String key = "current:" + title + PythonText.str(issue.get("Secret")) + line;
        Finding first = dupes.get(key);
        if (first != null) {
            first.description = first.description + "\n\n***\n\n" + description;
            first.nbOccurences += 1;
            return;
        }
        Finding finding = new Finding();
        finding.title = title;
        finding.cwe = 798;
        finding.description = description;
        finding.severity = "High";
        JsonNode file = issue.get("File");
        finding.filePath = file == null || file.isNull() ? null : PythonText.str(file);
        finding.line = line;
        finding.staticFinding = true;
        finding.nbOccurences = 1;
        JsonNode tags = issue.get("Tags");
        if (truthy(tags) && tags.isArray()) {
            tags.forEach(tag -> finding.tags.add(PythonText.str(tag)));
        }
        dupes.put(key, finding);
    }

    private static String description(JsonNode issue) {
        StringBuilder description = new StringBuilder();
        appendIf(description, "**Secret:** ", issue.get("Secret"), "\n");
        appendIf(description, "**Match:** ", issue.get("Match"), "\n");
        JsonNode message = issue.get("Message");
        if (truthy(message)) {
            String text = PythonText.str(message);
            if (text.contains("\n")) {
                description.append("**Commit message:**\n```\n").append(text.replace("```", "\\`\\`\\`"))
                        .append("\n```\n");
            } else {
                description.append("**Commit message:** ").append(text).append('\n');
            }
        }
        appendIf(description, "**Commit hash:** ", issue.get("Commit"), "\n");
        appendIf(description, "**Commit date:** ", issue.get("Date"), "\n");
        appendIf(description, "**Rule Id:** ", issue.get("RuleID"), "");
        if (description.length() > 0 && description.charAt(description.length() - 1) == '\n') {
            description.setLength(description.length() - 1);
        }
        return description.toString();
    }

    private static void appendIf(StringBuilder description, String label, JsonNode value, String end) {
        if (truthy(value)) {
            description.append(label).append(PythonText.str(value)).append(end);
        }
    }

    /** Python's {@code int(x)} of a JSON number or numeric string. */
    private static int toInt(JsonNode value) {
        if (value.isNumber()) {
            return value.intValue();
        }
        String text = PythonText.str(value).strip();
        if (!text.matches("[+-]?[0-9]{1,9}")) {
            throw new GitleaksLegacy.BadLeak("StartLine is not a number: " + text);
        }
        return Integer.parseInt(text);
    }
}
