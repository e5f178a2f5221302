package io.findingflow.parsers.snykcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Severity;
import java.util.ArrayList;
import java.util.List;

/** What Snyk Code changes in DefectDojo's SARIF reading: title, description and severity. */
final class SnykCodeFindings {

    private static final List<String> REGION_FIELDS =
            List.of("startLine", "endLine", "startColumn", "endColumn");

    private SnykCodeFindings() {}

    /** "ruleId_path", or the bare rule id when the result has no file. */
    static String title(JsonNode result, JsonNode location) {
        String ruleId = result.has("ruleId") ? PythonText.str(result.get("ruleId")) : "";
        String uri = "";
        if (location != null) {
            JsonNode value = location.path("physicalLocation").path("artifactLocation").get("uri");
            uri = value == null ? "" : PythonText.str(value);
        }
        return !ruleId.isEmpty() && !uri.isEmpty() ? ruleId + "_" + uri : ruleId;
    }

    static String description(JsonNode result, JsonNode location) {
        JsonNode properties = result.path("properties");
        List<String> parts = new ArrayList<>();
        parts.add("**ruleId**: " + orDefault(result.get("ruleId"), ""));
        parts.add("**ruleIndex**: " + orDefault(result.get("ruleIndex"), ""));
        parts.add("**message**: " + orDefault(result.path("message").get("text"), ""));
        parts.add("**score**: " + orDefault(properties.get("priorityScore"), "0"));
        parts.add("**isAutofixable**: " + orDefault(properties.get("isAutofixable"), "False"));
        if (location != null) {
            JsonNode physical = location.path("physicalLocation");
            JsonNode artifact = physical.path("artifactLocation");
            JsonNode region = physical.path("region");
            addIfTruthy(parts, "uri", artifact.get("uri"));
            addIfTruthy(parts, "uriBaseId", artifact.get("uriBaseId"));
            for (String field : REGION_FIELDS) {
                addIfTruthy(parts, field, region.get(field));
            }
        }
        return String.join("\n", parts);
    }

    /** Snyk's priority score (0-1000) decides the severity, not the SARIF level. */
    static Severity severity(JsonNode result) {
        double score = score(result.path("properties").get("priorityScore"));
        if (score <= 399) {
            return Severity.LOW;
        }
        if (score <= 699) {
            return Severity.MEDIUM;
        }
        if (score <= 899) {
            return Severity.HIGH;
        }
        return Severity.CRITICAL;
    }

    private static double score(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.parseDouble(value.asText().strip());
        } catch (NumberFormatException notAScore) {
            return 0;
        }
    }

    private static void addIfTruthy(List<String> parts, String name, JsonNode value) {
        if (truthy(value)) {
            parts.add("**" + name + "**: " + PythonText.str(value));
        }
    }

    private static String orDefault(JsonNode value, String fallback) {
        return value == null ? fallback : PythonText.str(value);
    }

    /** Python truthiness of a decoded JSON value. */
    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        return !value.isEmpty();
    }
}
