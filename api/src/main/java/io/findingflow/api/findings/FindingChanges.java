package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.PythonTypeName;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Severity;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates a finding PATCH/PUT body the way DefectDojo's FindingSerializer does and turns it into
 * the change set the lifecycle job applies. Unknown and read-only fields are ignored, as DRF does.
 */
final class FindingChanges {

    private static final Set<String> BOOLEANS = Set.of("active", "verified", "false_p", "duplicate", "out_of_scope",
            "risk_accepted", "is_mitigated", "under_review", "static_finding", "dynamic_finding");
    private static final Set<String> TEXTS = Set.of("description", "mitigation", "impact", "references",
            "component_name", "component_version", "file_path", "unique_id_from_tool", "vuln_id_from_tool",
            "steps_to_reproduce", "severity_justification", "service", "url", "cvssv3");
    private static final Set<String> INTEGERS = Set.of("cwe", "line", "nb_occurences");
    static final List<String> REQUIRED_ON_PUT = List.of("title", "severity", "description");

    private FindingChanges() {}

    /** The validated changes; {@code current} is the finding as the API shows it (for cross-field rules). */
    static ObjectNode of(JsonNode body, ObjectNode current, boolean put) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        ObjectNode changes = Json.mapper().createObjectNode();
        if (put) {
            for (String field : REQUIRED_ON_PUT) {
                if (!body.hasNonNull(field)) {
                    errors.put(field, List.of("This field is required."));
                }
            }
        }
        body.fields().forEachRemaining(entry -> {
            String field = entry.getKey();
            JsonNode value = entry.getValue();
            if (BOOLEANS.contains(field)) {
                Boolean flag = bool(value);
                if (flag == null) {
                    errors.put(field, List.of("Must be a valid boolean."));
                } else {
                    changes.put(field, flag);
                }
            } else if (TEXTS.contains(field)) {
                if (value.isNull() || value.isValueNode()) {
                    changes.set(field, value.isNull() ? value : Json.mapper().getNodeFactory().textNode(value.asText()));
                } else {
                    errors.put(field, List.of("Not a valid string."));
                }
            } else if (INTEGERS.contains(field)) {
                if (value.isNull() && !field.equals("cwe")) {
                    changes.set(field, value);
                } else if (value.canConvertToLong() || (value.isTextual() && value.asText().matches("-?\\d{1,18}"))) {
                    changes.put(field, value.asLong());
                } else {
                    errors.put(field, List.of("A valid integer is required."));
                }
            } else {
                validateSpecial(field, value, changes, errors);
            }
        });
        crossFieldRules(changes, current, errors);
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors);
        }
        return changes;
    }

    private static void validateSpecial(String field, JsonNode value, ObjectNode changes, Map<String, List<String>> errors) {
        switch (field) {
            case "title" -> {
                if (!value.isTextual() || value.asText().isBlank()) {
                    errors.put(field, List.of("This field may not be blank."));
                } else if (value.asText().length() > 511) {
                    errors.put(field, List.of("Ensure this field has no more than 511 characters."));
                } else {
                    changes.put(field, value.asText());
                }
            }
            case "severity" -> {
                Severity severity = value.isTextual() ? Severity.parseOrNull(value.asText()) : null;
                if (severity == null || !severity.label().equals(value.asText())) {
                    errors.put(field, List.of("\"" + value.asText() + "\" is not a valid choice."));
                } else {
                    changes.put(field, severity.label());
                }
            }
            case "date" -> {
                try {
                    changes.put(field, LocalDate.parse(value.asText()).toString());
                } catch (DateTimeParseException e) {
                    errors.put(field, List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD."));
                }
            }
            case "mitigated" -> {
                if (value.isNull()) {
                    changes.putNull(field);
                } else {
                    try {
                        changes.put(field, OffsetDateTime.parse(value.asText()).toInstant().toString());
                    } catch (DateTimeParseException e) {
                        errors.put(field, List.of("Datetime has wrong format. Use one of these formats instead: "
                                + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."));
                    }
                }
            }
            case "tags" -> tags(value, changes, errors);
            default -> { } // read-only or unknown: ignored, as DRF does
        }
    }

    /** DefectDojo's TagListSerializerField: a list of strings, or a string holding a JSON list. */
    private static void tags(JsonNode value, ObjectNode changes, Map<String, List<String>> errors) {
        JsonNode list = value;
        if (value.isTextual()) {
            try {
                list = value.asText().isEmpty() ? Json.mapper().createArrayNode() : Json.mapper().readTree(value.asText());
            } catch (java.io.IOException e) {
                list = null;
            }
        }
        if (list == null || !list.isArray()) {
            errors.put("tags", List.of("Expected a list of items but got type \"" + PythonTypeName.of(value) + "\"."));
            return;
        }
        var tags = changes.putArray("tags");
        for (JsonNode tag : list) {
            if (!tag.isTextual()) {
                errors.put("tags", List.of("All list items must be of string type."));
                return;
            }
            tags.add(tag.asText());
        }
    }

    /** DefectDojo's FindingSerializer.validate rules. */
    private static void crossFieldRules(ObjectNode changes, ObjectNode current, Map<String, List<String>> errors) {
        boolean active = flag(changes, current, "active");
        boolean verified = flag(changes, current, "verified");
        boolean duplicate = flag(changes, current, "duplicate");
        boolean falseP = flag(changes, current, "false_p");
        boolean riskAccepted = flag(changes, current, "risk_accepted");
        String message = null;
        if ((active || verified) && duplicate) {
            message = "Duplicate findings cannot be verified or active";
        } else if (falseP && verified) {
            message = "False positive findings cannot be verified.";
        } else if (active && riskAccepted) {
            message = "Active findings cannot be risk accepted.";
        }
        if (message != null) {
            errors.put("non_field_errors", List.of(message));
        }
    }

    private static boolean flag(ObjectNode changes, ObjectNode current, String field) {
        return changes.has(field) ? changes.get(field).asBoolean() : current.path(field).asBoolean(false);
    }

    private static Boolean bool(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return switch (value.asText()) {
            case "true", "True", "1" -> true;
            case "false", "False", "0" -> false;
            default -> null;
        };
    }
}
