package io.findingflow.parsers.semgrep;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.Locale;

/** Maps one Semgrep result or supply-chain vuln to a finding, as DefectDojo's Semgrep parser does. */
final class SemgrepFindings {

    private static final String REQUIRES_LOGIN = "requires login";

    /** An item DefectDojo's parser rejects (a missing required key, an unknown severity). */
    static final class BadItem extends RuntimeException {
        BadItem(String message) {
            super(message);
        }
    }

    private SemgrepFindings() {}

    static Finding result(JsonNode item) {
        JsonNode extra = required(item, "extra");
        Finding finding = new Finding();
        finding.title = nullable(item.get("check_id"));
        finding.severity = severity(required(extra, "severity"));
        finding.description = description(extra);
        finding.filePath = nullable(required(item, "path"));
        finding.line = line(required(required(item, "start"), "line"));
        finding.staticFinding = true;
        finding.vulnIdFromTool = nullable(required(item, "check_id"));
        finding.nbOccurences = 1;
        finding.uniqueIdFromTool = fingerprint(extra);
        JsonNode metadata = required(extra, "metadata");
        if (metadata.has("cwe")) {
            applyCwes(finding, metadata.get("cwe"));
        }
        if (metadata.has("references")) {
            finding.references = joinLines(metadata.get("references"));
        }
        if (extra.has("fix")) {
            finding.mitigation = nullable(extra.get("fix"));
        } else if (extra.has("fix_regex")) {
            finding.mitigation = "**You can automaticaly apply this regex:**\n\n```\n\n"
                    + PythonText.jsonDumps(extra.get("fix_regex")) + "\n\n```\n";
        }
        SemgrepAssistant.apply(finding, extra.get("assistant"));
        return finding;
    }

    static Finding supplyChain(JsonNode item) {
        JsonNode advisory = required(item, "advisory");
        JsonNode location = required(item, "dependencyFileLocation");
        Finding finding = new Finding();
        finding.title = nullable(item.get("title"));
        finding.severity = severity(required(advisory, "severity"));
        finding.description = nullable(advisory.get("description"));
        finding.filePath = nullable(required(location, "path"));
        finding.line = line(required(location, "startLine"));
        finding.staticFinding = true;
        finding.vulnIdFromTool = nullable(required(item, "repositoryId"));
        finding.nbOccurences = 1;
        JsonNode extra = item.get("extra");
        finding.uniqueIdFromTool = extra == null || !extra.isObject() ? null : fingerprint(extra);
        JsonNode references = required(advisory, "references");
        if (references.has("cweIds")) {
            applyCwes(finding, references.get("cweIds"));
        }
        return finding;
    }

    private static String description(JsonNode extra) {
        StringBuilder description = new StringBuilder("**Result message:** ")
                .append(PythonText.str(required(extra, "message"))).append('\n');
        JsonNode lines = extra.get("lines");
        if (lines != null && !lines.isNull() && !REQUIRES_LOGIN.equals(lines.textValue())) {
            String snippet = PythonText.str(lines);
            if (snippet.contains("<![")) {
                description.append("**Snippet:** ***Caution:*** Please remove the space between `!` and `[` to have "
                                + "the real value due to a workaround to circumvent "
                                + "[#8435](https://github.com/DefectDojo/django-DefectDojo/issues/8435).\n```")
                        .append(snippet.replace("<![", "<! [")).append("```\n");
            } else {
                description.append("**Snippet:**\n```").append(snippet).append("```\n");
            }
        }
        return description.toString();
    }

    /** Semgrep's fingerprint, except the "requires login" placeholder of logged-out runs. */
    private static String fingerprint(JsonNode extra) {
        JsonNode fingerprint = extra.get("fingerprint");
        if (fingerprint == null || fingerprint.isNull() || REQUIRES_LOGIN.equals(fingerprint.textValue())) {
            return null;
        }
        String text = PythonText.str(fingerprint);
        return text.isEmpty() || (fingerprint.isNumber() && fingerprint.doubleValue() == 0) ? null : text;
    }

    /** "CWE-696: title" or a list of them: the first is the cwe, a list also fills cwes. */
    private static void applyCwes(Finding finding, JsonNode cwe) {
        if (cwe != null && cwe.isArray()) {
            if (cwe.isEmpty()) {
                throw new BadItem("empty CWE list");
            }
            for (JsonNode entry : cwe) {
                finding.cwes.add(cweNumber(entry));
            }
            finding.cwe = finding.cwes.get(0);
        } else {
            finding.cwe = cweNumber(cwe);
        }
    }

    private static int cweNumber(JsonNode entry) {
        String text = PythonText.str(entry);
        int colon = text.indexOf(':');
        String head = colon < 0 ? text : text.substring(0, colon);
        int dash = head.indexOf('-');
        String number = dash < 0 ? "" : head.substring(dash + 1).strip();
        if (!number.matches("[+-]?[0-9]{1,9}")) {
            throw new BadItem("cannot read a CWE number from \"" + text + "\"");
        }
        return Integer.parseInt(number);
    }

    static String severity(JsonNode value) {
        if (value == null || !value.isTextual()) {
            throw new BadItem("severity is not a string: " + PythonText.str(value));
        }
        return switch (value.textValue().toUpperCase(Locale.ROOT)) {
            case "CRITICAL" -> "Critical";
            case "WARNING", "MEDIUM" -> "Medium";
            case "ERROR", "HIGH" -> "High";
            case "LOW", "INFO" -> "Low";
            default -> throw new BadItem("Unknown value for severity: " + value.textValue());
        };
    }

    /** Line numbers as given; the supply-chain export writes them as strings ("222"). */
    private static Integer line(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual() && value.textValue().strip().matches("[+-]?[0-9]{1,9}")) {
            return Integer.parseInt(value.textValue().strip());
        }
        return null;
    }

    private static String joinLines(JsonNode list) {
        if (list == null || !list.isArray()) {
            throw new BadItem("references is not a list");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            out.append(i == 0 ? "" : "\n").append(PythonText.str(list.get(i)));
        }
        return out.toString();
    }

    static JsonNode required(JsonNode node, String field) {
        JsonNode value = node == null || !node.isObject() ? null : node.get(field);
        if (value == null) {
            throw new BadItem("missing \"" + field + "\"");
        }
        return value;
    }

    static String nullable(JsonNode value) {
        return value == null || value.isNull() ? null : PythonText.str(value);
    }

    static String where(JsonParser parser) {
        JsonLocation location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
