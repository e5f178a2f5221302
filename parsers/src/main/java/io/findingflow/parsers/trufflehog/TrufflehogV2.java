package io.findingflow.parsers.trufflehog;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.Map;

/** A Trufflehog v2 line; the same reason in the same file is one finding with several occurrences. */
final class TrufflehogV2 {

    private TrufflehogV2() {}

    static void add(JsonNode json, Map<String, Finding> dupes) {
        String file = PythonText.str(json.get("path"));
        String reason = TrufflehogText.requiredText(json, "reason");
        String commit = PythonText.str(json.get("commit"));
        StringBuilder description = new StringBuilder()
                .append("**Commit:** ").append(commit.split("\n", -1)[0]).append('\n')
                .append("```\n").append(commit.replace("```", "\\`\\`\\`")).append("\n```\n")
                .append("**Commit Hash:** ").append(TrufflehogText.requiredText(json, "commitHash")).append('\n')
                .append("**Commit Date:** ").append(TrufflehogText.requiredText(json, "date")).append('\n')
                .append("**Branch:** ").append(TrufflehogText.requiredText(json, "branch")).append('\n')
                .append("**Reason:** ").append(reason).append('\n')
                .append("**Path:** ").append(file).append('\n');
        StringBuilder strings = new StringBuilder();
        JsonNode found = json.get("stringsFound");
        if (found == null || !found.isArray()) {
            throw new IllegalArgumentException("\"stringsFound\" is not a list");
        }
        found.forEach(string -> strings.append(PythonText.str(string)).append('\n'));
        description.append("\n**Strings Found:**\n```").append(strings).append("```\n");

        String key = file + reason;
        Finding first = dupes.get(key);
        if (first != null) {
            first.description = first.description + description;
            first.nbOccurences += 1;
            return;
        }
        Finding finding = new Finding();
        finding.title = "Hard Coded " + reason + " in: " + file;
        finding.cwe = 798;
        finding.description = description.toString();
        finding.severity = severity(reason);
        finding.mitigation = TrufflehogText.MITIGATION;
        finding.impact = TrufflehogText.IMPACT;
        finding.references = "N/A";
        finding.filePath = json.get("path").isNull() ? null : file;
        finding.line = 0; // DefectDojo's placeholder so that line takes part in hash_code
        finding.url = "N/A";
        finding.staticFinding = true;
        finding.nbOccurences = 1;
        dupes.put(key, finding);
    }

    private static String severity(String reason) {
        if (reason.equals("High Entropy")) {
            return "Info";
        }
        if (reason.contains("Oauth") || reason.contains("AWS") || reason.contains("Heroku")) {
            return "Critical";
        }
        return reason.equals("Generic Secret") ? "Medium" : "High";
    }
}
