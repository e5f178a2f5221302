package io.findingflow.parsers.trivy;

import static io.findingflow.parsers.trivy.TrivyVulnerability.nullable;
import static io.findingflow.parsers.trivy.TrivyVulnerability.text;
import static io.findingflow.parsers.trivy.TrivyVulnerability.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;

/** Trivy's non-vulnerability results: misconfigurations, secrets and licenses. */
final class TrivyChecks {

    private TrivyChecks() {}

    static Finding misconfiguration(JsonNode misconf, TrivyTarget target) {
        if (!misconf.isObject()) {
            return null;
        }
        String message = text(misconf, "Message", "None");
        String table = linesTable(misconf.path("CauseMetadata").path("Code").get("Lines"));
        if (!table.isEmpty()) {
            message = message + "\n" + table;
        }
        Finding finding = new Finding();
        finding.title = text(misconf, "ID", "None") + " - " + text(misconf, "Title", "None");
        finding.description = "**Target:** " + target.targetText() + "\n**Type:** "
                + text(misconf, "Type", "None") + "\n\n" + text(misconf, "Description", "None")
                + "\n" + message + "\n";
        JsonNode severity = misconf.has("Severity") ? misconf.get("Severity") : null;
        String mapped = severity == null ? "Low"
                : severity.isTextual() ? TrivyVulnerability.SEVERITIES.get(severity.textValue()) : null;
        finding.severity = mapped == null ? "Info" : mapped;
        finding.references = references(misconf.get("PrimaryURL"), misconf.get("References"));
        finding.mitigation = nullable(misconf.get("Resolution"));
        finding.impact = nullable(misconf.get("Description"));
        finding.url = nullable(misconf.get("PrimaryURL"));
        finding.filePath = nullable(target.target());
        JsonNode avdId = misconf.get("AVDID");
        JsonNode id = truthy(avdId) ? avdId : misconf.get("ID");
        if (truthy(id)) {
            finding.vulnerabilityIds.add(PythonText.str(id));
        }
        finding.fixAvailable = true;
        finding.staticFinding = true;
        finding.tags = target.tags(true);
        finding.service = target.service();
        return finding;
    }

    static Finding secret(JsonNode secret, TrivyTarget target) {
        if (!secret.isObject()) {
            return null;
        }
        Finding finding = new Finding();
        String title = text(secret, "Title", "None");
        finding.title = "Secret detected in " + target.targetText() + " - " + title;
        finding.description = title + "\n**Category:** " + text(secret, "Category", "None")
                + "\n**Match:** " + text(secret, "Match", "None") + "\n";
        finding.severity = severity(secret.get("Severity"));
        finding.filePath = nullable(target.target());
        finding.line = integer(secret.get("StartLine"));
        finding.fixAvailable = true;
        finding.staticFinding = true;
        finding.tags = target.tags(false);
        finding.service = target.service();
        return finding;
    }

    static Finding license(JsonNode license, TrivyTarget target) {
        if (!license.isObject()) {
            return null;
        }
        Finding finding = new Finding();
        String name = text(license, "Name", "None");
        finding.title = "License detected in " + target.targetText() + " - " + name;
        finding.description = name + "\n**Category:** " + text(license, "Category", "None")
                + "\n**Package:** " + text(license, "PkgName", "None") + "\n";
        finding.severity = severity(license.get("Severity"));
        finding.filePath = nullable(license.get("FilePath"));
        finding.scannerConfidence = integer(license.get("Confidence"));
        finding.url = nullable(license.get("Link"));
        finding.fixAvailable = true;
        finding.staticFinding = true;
        finding.tags = target.tags(false);
        finding.service = target.service();
        return finding;
    }

    /** PrimaryURL first, then the other references (the primary one not repeated). */
    private static String references(JsonNode primary, JsonNode references) {
        List<String> others = new ArrayList<>();
        if (references != null && references.isArray()) {
            references.forEach(ref -> others.add(PythonText.str(ref)));
        }
        String joinedPrefix = "";
        if (truthy(primary)) {
            joinedPrefix = PythonText.str(primary) + "\n";
            others.remove(PythonText.str(primary));
        }
        return joinedPrefix + String.join("\n", others);
    }

    /** The tab-separated "Number / Content" table of the lines a check points at. */
    private static String linesTable(JsonNode lines) {
        if (lines == null || lines.isNull() || !lines.isArray()) {
            return "";
        }
        StringBuilder table = new StringBuilder("Number\tContent\n");
        for (JsonNode line : lines) {
            table.append(cell(line, "Number")).append('\t').append(cell(line, "Content")).append('\n');
        }
        return table.toString();
    }

    private static String cell(JsonNode line, String field) {
        return line.isObject() ? text(line, field, "") : "";
    }

    /** Secrets and licenses use the same table; an unlisted value is Info rather than an error. */
    private static String severity(JsonNode value) {
        String mapped = value != null && value.isTextual() ? TrivyVulnerability.SEVERITIES.get(value.textValue()) : null;
        return mapped == null ? "Info" : mapped;
    }

    private static Integer integer(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        return value.intValue();
    }
}
