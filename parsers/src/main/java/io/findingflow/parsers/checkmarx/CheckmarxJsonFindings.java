package io.findingflow.parsers.checkmarx;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;

/** Findings of the JSON report's SAST queries, SCA packages and KICS results. */
final class CheckmarxJsonFindings {

    private CheckmarxJsonFindings() {}

    static void sast(JsonNode query, FindingSink out) throws ParseException {
        object(query, "sast query");
        String description = query.has("description") ? text(query.get("description")) : "";
        String title = required(query, "queryName").replace('_', ' ');
        for (JsonNode vulnerability : query.path("vulnerabilities")) {
            object(vulnerability, "sast vulnerability");
            Finding finding = common(vulnerability, "sast", "status");
            finding.description = description;
            finding.title = title;
            finding.cwe = integer(vulnerability.get("cweId"));
            JsonNode nodes = vulnerability.get("nodes");
            if (nodes != null && nodes.isArray() && !nodes.isEmpty()) {
                JsonNode last = nodes.get(nodes.size() - 1);
                finding.filePath = text(last.get("fileName"));
                finding.line = integer(last.get("line"));
            }
            out.accept(finding);
        }
    }

    static void sca(JsonNode pkg, FindingSink out) throws ParseException {
        object(pkg, "sca package");
        String[] parts = required(pkg, "name").split("-", -1);
        if (parts.length < 2) {
            throw new ParseException("Invalid " + CheckmarxJsonParser.FORMAT
                    + " report: sca package name without a version: " + pkg.get("name").asText());
        }
        String name = parts[parts.length - 2];
        String version = parts[parts.length - 1];
        for (JsonNode vulnerability : pkg.path("vulnerabilities")) {
            object(vulnerability, "sca vulnerability");
            Finding finding = common(vulnerability, "sca", "state");
            JsonNode cve = vulnerability.get("cveId");
            finding.title = name + ":" + version + " | " + PythonText.str(cve);
            finding.description = text(vulnerability.get("description"));
            finding.componentName = name;
            finding.componentVersion = version;
            JsonNode cwe = vulnerability.get("cwe");
            finding.cwe = cwe == null ? Integer.valueOf(0) : integer(cwe);
            if (finding.cwe == null) {
                throw new ParseException("Invalid " + CheckmarxJsonParser.FORMAT
                        + " report: sca vulnerability with a non-numeric cwe: " + cwe);
            }
            if (truthy(cve)) {
                finding.vulnerabilityIds.add(PythonText.str(cve));
            }
            out.accept(finding);
        }
    }

    static void kics(JsonNode result, FindingSink out) throws ParseException {
        object(result, "kics result");
        String name = text(result.get("name"));
        for (JsonNode vulnerability : result.path("vulnerabilities")) {
            object(vulnerability, "kics vulnerability");
            Finding finding = common(vulnerability, "kics", "state");
            finding.tags.add(name);
            finding.title = PythonText.str(name) + " | " + PythonText.str(vulnerability.get("issueType"));
            finding.description = text(vulnerability.get("description"));
            finding.filePath = text(vulnerability.get("fileName"));
            finding.line = vulnerability.has("line") ? integer(vulnerability.get("line")) : Integer.valueOf(0);
            finding.severityJustification = text(vulnerability.get("actualValue"));
            out.accept(finding);
        }
    }

    /** Date, severity, status flags, id and type tag, the same for all three kinds. */
    private static Finding common(JsonNode vulnerability, String type, String verifiedField)
            throws ParseException {
        Finding finding = new Finding();
        finding.date = date(vulnerability.get("firstFoundDate"));
        finding.severity = PythonStrings.title(required(vulnerability, "severity"));
        finding.active = !"Not exploitable".equals(text(vulnerability.get("status")));
        finding.verified = !"To verify".equals(text(vulnerability.get(verifiedField)));
        finding.staticFinding = true;
        finding.dynamicFinding = true;
        JsonNode id = vulnerability.get("id");
        finding.uniqueIdFromTool = truthy(id) ? PythonText.str(id) : PythonText.str(vulnerability.get("similarityId"));
        finding.tags.add(type);
        return finding;
    }

    private static String date(JsonNode value) throws ParseException {
        if (value != null && value.isTextual()) {
            return CheckmarxDates.day(value.textValue());
        }
        if (value != null && value.isObject() && value.path("seconds").isIntegralNumber()) {
            return CheckmarxDates.dayOfEpochSeconds(value.get("seconds").longValue());
        }
        return null;
    }

    private static void object(JsonNode node, String what) throws ParseException {
        if (!node.isObject()) {
            throw new ParseException("Invalid " + CheckmarxJsonParser.FORMAT + " report: a " + what
                    + " is not a JSON object");
        }
    }

    private static String required(JsonNode node, String field) throws ParseException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ParseException("Invalid " + CheckmarxJsonParser.FORMAT + " report: missing \""
                    + field + "\" in " + node.toString().substring(0, Math.min(120, node.toString().length())));
        }
        return value.textValue();
    }

    /** A string value as is (numbers as Python prints them), JSON null or missing as null. */
    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : PythonText.str(value);
    }

    /** An integer field (number or numeric string); null when missing, null or not a number. */
    private static Integer integer(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.intValue();
        }
        try {
            return Integer.parseInt(value.asText().strip());
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isNumber()) {
            return value.doubleValue() != 0;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return !value.isEmpty();
    }
}
