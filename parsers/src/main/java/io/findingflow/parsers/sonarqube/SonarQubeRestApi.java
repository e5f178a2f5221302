package io.findingflow.parsers.sonarqube;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SonarQube Web API export ({@code api/issues/search}, {@code api/hotspots/search}: {@code paging}
 * and {@code components}): BUG, VULNERABILITY and CODE_SMELL issues, then security hotspots. The
 * mode does not matter here; each issue is one finding titled "rule_key".
 */
final class SonarQubeRestApi {

    private SonarQubeRestApi() {}

    static void read(JsonNode export, FindingSink out) {
        JsonNode components = export.get("components");
        Finding previous = null;
        if (truthy(export.get("issues"))) {
            for (JsonNode issue : export.get("issues")) {
                String type = issue.path("type").asText(null);
                Finding finding;
                if ("BUG".equals(type)) {
                    finding = bug(issue, components);
                } else if ("VULNERABILITY".equals(type)) {
                    finding = SonarQubeVulnerabilities.vulnerability(issue, components);
                } else if ("CODE_SMELL".equals(type)) {
                    finding = codeSmell(issue, components);
                } else {
                    // DefectDojo appends the finding of the previous issue once more for any other type
                    finding = previous;
                }
                if (finding != null) {
                    out.accept(finding);
                }
                previous = finding;
            }
        }
        if (truthy(export.get("hotspots"))) {
            for (JsonNode hotspot : export.get("hotspots")) {
                out.accept(hotspot(hotspot, components));
            }
        }
    }

    private static Finding bug(JsonNode issue, JsonNode components) {
        String component = str(issue, "component");
        StringBuilder description = new StringBuilder()
                .append(line("key", str(issue, "key")))
                .append(line("rule", str(issue, "rule")))
                .append(line("component", component))
                .append(line("project", str(issue, "project")))
                .append(line("line", str(issue, "line")));
        textRange(issue, description);
        flows(issue, description);
        description.append(line("status", str(issue, "status"))).append(line("message", str(issue, "message")));
        joined(issue, "tags", description);
        description.append(line("type", str(issue, "type"))).append(line("scope", str(issue, "scope")));
        description.append(componentDetails(components, issue.get("component")));
        Finding finding = base(issue, "rule", issue.get("severity"), description.toString(), "bug");
        finding.line = lineNumber(issue);
        return finding;
    }

    private static Finding codeSmell(JsonNode issue, JsonNode components) {
        StringBuilder description = new StringBuilder()
                .append(line("rule", str(issue, "rule")))
                .append(line("component", str(issue, "component")))
                .append(line("project", str(issue, "project")))
                .append(line("line", str(issue, "line")));
        textRange(issue, description);
        flows(issue, description);
        description.append(line("status", str(issue, "status"))).append(line("message", str(issue, "message")));
        joined(issue, "tags", description);
        description.append(line("scope", str(issue, "scope")))
                .append(line("quickFixAvailable", str(issue, "quickFixAvailable")));
        joined(issue, "codeVariants", description);
        description.append(componentDetails(components, issue.get("component")));
        Finding finding = base(issue, "rule", issue.get("severity"), description.toString(), "code_smell");
        finding.filePath = text(issue.get("component"));
        finding.line = lineNumber(issue);
        return finding;
    }

    private static Finding hotspot(JsonNode hotspot, JsonNode components) {
        StringBuilder description = new StringBuilder()
                .append(line("key", str(hotspot, "key")))
                .append(line("component", str(hotspot, "component")))
                .append(line("project", str(hotspot, "project")))
                .append(line("securityCategory", str(hotspot, "securityCategory")))
                .append(line("status", str(hotspot, "status")))
                .append(line("line", str(hotspot, "line")))
                .append(line("message", str(hotspot, "message")));
        textRange(hotspot, description);
        flows(hotspot, description);
        description.append(line("ruleKey", str(hotspot, "ruleKey")));
        joined(hotspot, "messageFormattings", description);
        description.append(componentDetails(components, hotspot.get("component")));
        Finding finding = base(hotspot, "ruleKey", hotspot.get("vulnerabilityProbability"),
                description.toString(), "hotspot");
        finding.filePath = text(hotspot.get("component"));
        finding.line = lineNumber(hotspot);
        return finding;
    }

    static Finding base(JsonNode issue, String ruleField, JsonNode severity, String description, String tag) {
        Finding finding = new Finding();
        finding.title = str(issue, ruleField) + "_" + str(issue, "key");
        finding.description = description;
        finding.severity = severity(severity);
        finding.staticFinding = true;
        finding.dynamicFinding = false;
        finding.tags.add(tag);
        finding.date = SonarQubeDates.creationDay(issue.get("creationDate"));
        return finding;
    }

    /** BLOCKER is High here (unlike sonar-report), MAJOR Medium, MINOR Low; other values as named. */
    static String severity(JsonNode value) {
        String severity = value == null || value.isNull() ? "" : PythonText.str(value);
        return switch (severity) {
            case "BLOCKER" -> Severity.HIGH.label();
            case "MAJOR" -> Severity.MEDIUM.label();
            case "MINOR" -> Severity.LOW.label();
            default -> Severity.from(severity.toLowerCase(Locale.ROOT)).label();
        };
    }

    static String line(String name, String value) {
        return "**" + name + ":** " + value + "\n";
    }

    static void textRange(JsonNode issue, StringBuilder description) {
        JsonNode range = issue.get("textRange");
        if (range != null && truthy(range) && range.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = range.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                parts.add(entry.getKey() + ": " + PythonText.str(entry.getValue()));
            }
            description.append(line("textRange", String.join(", ", parts)));
        }
    }

    static void flows(JsonNode issue, StringBuilder description) {
        JsonNode flows = issue.get("flows");
        if (flows != null && !(flows.isArray() && flows.isEmpty())) {
            description.append(line("flows", PythonText.str(flows)));
        }
    }

    /** A list field as ", "-joined text, when present and not empty. */
    static void joined(JsonNode issue, String field, StringBuilder description) {
        JsonNode values = issue.get(field);
        if (values != null && !(values.isArray() && values.isEmpty())) {
            List<String> parts = new ArrayList<>();
            values.forEach(value -> parts.add(PythonText.str(value)));
            description.append(line(field, String.join(", ", parts)));
        }
    }

    /** "**Componentkey name**: value" for every attribute of the issue's component(s). */
    static String componentDetails(JsonNode components, JsonNode key) {
        StringBuilder details = new StringBuilder();
        if (components == null) {
            return "";
        }
        for (JsonNode component : components) {
            JsonNode componentKey = component.get("key");
            boolean same = (componentKey == null || componentKey.isNull())
                    ? (key == null || key.isNull())
                    : componentKey.equals(key);
            if (same) {
                for (Iterator<Map.Entry<String, JsonNode>> it = component.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    details.append("**Componentkey ").append(entry.getKey()).append("**: ")
                            .append(PythonText.str(entry.getValue())).append('\n');
                }
            }
        }
        return details.toString();
    }

    static String str(JsonNode node, String field) {
        return PythonText.str(node.get(field));
    }

    static String text(JsonNode value) {
        return value == null || value.isNull() ? null : PythonText.str(value);
    }

    static Integer lineNumber(JsonNode issue) {
        JsonNode line = issue.get("line");
        if (line == null || line.isNull()) {
            return null;
        }
        if (line.canConvertToInt() && line.isIntegralNumber()) {
            return line.asInt();
        }
        try {
            return Integer.valueOf(PythonText.str(line).strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    static boolean truthy(JsonNode value) {
        return value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())
                && !(value.isTextual() && value.textValue().isEmpty());
    }
}
