package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of POST /api/v2/findings/ (seed 002: title, severity and test required) as a Finding. */
final class NewFindings {

    private NewFindings() {}

    static Finding parse(JsonNode body) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String field : List.of("title", "severity", "test")) {
            if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
                errors.put(field, List.of("This field is required."));
            }
        }
        if (body.hasNonNull("test") && !body.get("test").canConvertToLong()) {
            errors.put("test", List.of("Incorrect type. Expected pk value, received " + kind(body.get("test")) + "."));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors);
        }
        // the same field rules as an edit, against an empty finding
        var changes = FindingChanges.of(body, Json.mapper().createObjectNode(), false);
        Finding finding = new Finding();
        finding.title = changes.path("title").asText();
        finding.severity = changes.path("severity").asText();
        finding.description = text(changes, "description");
        finding.mitigation = text(changes, "mitigation");
        finding.impact = text(changes, "impact");
        finding.references = text(changes, "references");
        finding.componentName = text(changes, "component_name");
        finding.componentVersion = text(changes, "component_version");
        finding.filePath = text(changes, "file_path");
        finding.uniqueIdFromTool = text(changes, "unique_id_from_tool");
        finding.vulnIdFromTool = text(changes, "vuln_id_from_tool");
        finding.cwe = changes.has("cwe") ? (int) changes.get("cwe").asLong() : 0;
        finding.line = changes.hasNonNull("line") ? (int) changes.get("line").asLong() : null;
        finding.date = changes.hasNonNull("date") ? changes.get("date").asText() : null;
        finding.active = changes.path("active").asBoolean(true);
        finding.verified = changes.path("verified").asBoolean(false);
        finding.falseP = changes.path("false_p").asBoolean(false);
        finding.outOfScope = changes.path("out_of_scope").asBoolean(false);
        finding.staticFinding = changes.path("static_finding").asBoolean(false);
        finding.dynamicFinding = changes.path("dynamic_finding").asBoolean(false);
        changes.path("tags").forEach(tag -> finding.tags.add(tag.asText()));
        return finding;
    }

    private static String text(JsonNode changes, String field) {
        return changes.hasNonNull(field) ? changes.get(field).asText() : null;
    }

    private static String kind(JsonNode node) {
        return node.isTextual() ? "str" : node.getNodeType().name().toLowerCase();
    }
}
