package io.findingflow.parsers.gitleaks;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

/** A leak of Gitleaks v7 and older: repeats of offender + file + line keep the first finding. */
final class GitleaksLegacy {

    /** A leak missing a key DefectDojo's parser requires. */
    static final class BadLeak extends RuntimeException {
        BadLeak(String message) {
            super(message);
        }
    }

    private GitleaksLegacy() {}

    static void add(JsonNode issue, Map<String, Finding> dupes) {
        String filePath = required(issue, "file");
        String reason = required(issue, "rule");
        StringBuilder description = new StringBuilder()
                .append("**Commit:** ").append(stripTrailingNewlines(required(issue, "commitMessage"))).append('\n')
                .append("**Commit Hash:** ").append(required(issue, "commit")).append('\n')
                .append("**Commit Date:** ").append(required(issue, "date")).append('\n')
                .append("**Author:** ").append(required(issue, "author")).append(" <")
                .append(required(issue, "email")).append(">\n")
                .append("**Reason:** ").append(reason).append('\n')
                .append("**Path:** ").append(filePath).append('\n');
        Integer line = null;
        JsonNode lineNumber = issue.get("lineNumber");
        if (lineNumber != null) {
            if (!lineNumber.isNumber()) {
                throw new BadLeak("lineNumber is not a number: " + PythonText.str(lineNumber));
            }
            line = lineNumber.intValue();
            description.append("**Line:** ").append(line).append('\n');
        }
        if (issue.has("operation")) {
            description.append("**Operation:** ").append(PythonText.str(issue.get("operation"))).append('\n');
        }
        if (issue.has("leakURL")) {
            String url = required(issue, "leakURL");
            description.append("**Leak URL:** [").append(url).append("](").append(url).append(")\n");
        }
        String offender = required(issue, "offender");
        description.append("\n**String Found:**\n\n```\n")
                .append(required(issue, "line").replace(offender, "REDACTED")).append("\n```");

        Finding finding = new Finding();
        finding.title = "Hard Coded " + reason;
        finding.cwe = 798;
        finding.description = description.toString();
        boolean critical = reason.contains("Github") || reason.contains("AWS") || reason.contains("Heroku");
        finding.severity = critical ? "Critical" : "High";
        finding.filePath = filePath;
        finding.line = line;
        finding.staticFinding = true;
        String tags = issue.has("tags") ? required(issue, "tags") : "";
        finding.tags = new ArrayList<>(Arrays.asList(tags.split(", ", -1)));
        dupes.putIfAbsent("legacy:" + offender + filePath + PythonText.str(line), finding);
    }

    private static String stripTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    /** A value DefectDojo concatenates as a string (anything else is a TypeError there). */
    static String required(JsonNode issue, String field) {
        JsonNode value = issue.get(field);
        if (value == null || !value.isTextual()) {
            throw new BadLeak(value == null ? "a leak has no \"" + field + "\"" : "\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        return value.isNumber() ? value.doubleValue() != 0 : value.asBoolean();
    }
}
