package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.findingflow.api.http.PythonTypeName;
import io.findingflow.schemas.Json;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one JSON value for a field the way Django REST framework does, with its exact error
 * messages. {@link #parse} returns the cleaned value or throws {@link Invalid} with the message.
 */
final class FieldValues {

    /** A value DRF would refuse, with DRF's message. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TRUE = Set.of("t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE",
            "on", "On", "ON", "1");
    private static final Set<String> FALSE = Set.of("f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE",
            "off", "Off", "OFF", "0");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private FieldValues() {}

    static JsonNode parse(Field field, JsonNode value) throws Invalid {
        if (value == null || value.isNull()) {
            if (!field.nullable()) {
                throw new Invalid("This field may not be null.");
            }
            return NODES.nullNode();
        }
        switch (field.type()) {
            case STRING:
            case PASSWORD:
                return NODES.textNode(string(field, value));
            case EMAIL: {
                String text = string(field, value);
                if (!text.isEmpty() && !EMAIL.matcher(text).matches()) {
                    throw new Invalid("Enter a valid email address.");
                }
                return NODES.textNode(text);
            }
            case INTEGER:
                return NODES.numberNode(integer(value, "A valid integer is required."));
            case BOOLEAN:
                return NODES.booleanNode(bool(value));
            case DATE:
                return NODES.textNode(date(value));
            case DATETIME:
                return NODES.textNode(dateTime(value));
            case CHOICE: {
                String text = value.isTextual() ? value.asText() : value.toString();
                if (text.isEmpty() && field.nullable()) {
                    return NODES.textNode("");
                }
                if (!field.choices().contains(text)) {
                    throw new Invalid("\"" + text + "\" is not a valid choice.");
                }
                return NODES.textNode(text);
            }
            case REFERENCE:
                return NODES.numberNode(reference(value));
            case TAGS:
                return tags(value);
            default:
                return value;
        }
    }

    private static String string(Field field, JsonNode value) throws Invalid {
        if (!value.isTextual() && !value.isNumber()) {
            throw new Invalid("Not a valid string.");
        }
        String text = value.asText();
        if (field.type() != FieldType.PASSWORD) {
            text = text.strip();
        }
        if (text.isEmpty() && field.required()) {
            throw new Invalid("This field may not be blank.");
        }
        if (field.maxLength() > 0 && text.length() > field.maxLength()) {
            throw new Invalid("Ensure this field has no more than " + field.maxLength() + " characters.");
        }
        return text;
    }

    static long integer(JsonNode value, String message) throws Invalid {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble())
                && Math.abs(value.asDouble()) < 9e15) {
            return (long) value.asDouble();
        }
        if (value.isTextual()) {
            String text = value.asText().strip().replaceAll("\\.0*$", "");
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new Invalid(message);
            }
        }
        throw new Invalid(message);
    }

    static boolean bool(JsonNode value) throws Invalid {
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        String text = value.isNumber() ? (value.asDouble() == 1 ? "1" : value.asDouble() == 0 ? "0" : "x") : value.asText();
        if (value.isContainerNode()) {
            text = "x";
        }
        if (TRUE.contains(text)) {
            return true;
        }
        if (FALSE.contains(text)) {
            return false;
        }
        throw new Invalid("Must be a valid boolean.");
    }

    private static String date(JsonNode value) throws Invalid {
        String text = value.isTextual() ? value.asText().strip() : "";
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).toString();
            }
        } catch (DateTimeParseException e) {
            // falls through to DRF's message
        }
        throw new Invalid("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
    }

    /** ISO 8601 date-time (or a plain date, as Django's parser takes it) → UTC "yyyy-MM-ddTHH:mm:ssZ". */
    private static String dateTime(JsonNode value) throws Invalid {
        String text = value.isTextual() ? value.asText().strip() : "";
        try {
            if (DATE.matcher(text).matches()) {
                return LocalDate.parse(text).atStartOfDay().format(ISO_SECONDS);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                        .withOffsetSameInstant(ZoneOffset.UTC).format(ISO_SECONDS);
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).format(ISO_SECONDS);
        } catch (DateTimeParseException e) {
            throw new Invalid("Datetime has wrong format. Use one of these formats instead: "
                    + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
        }
    }

    private static long reference(JsonNode value) throws Invalid {
        if (value.isBoolean() || value.isContainerNode()) {
            throw new Invalid("Incorrect type. Expected pk value, received " + PythonTypeName.of(value) + ".");
        }
        try {
            return integer(value, "");
        } catch (Invalid e) {
            throw new Invalid("Incorrect type. Expected pk value, received " + PythonTypeName.of(value) + ".");
        }
    }

    private static JsonNode tags(JsonNode value) throws Invalid {
        JsonNode list = value;
        if (value.isTextual()) {
            try {
                list = value.asText().isEmpty() ? NODES.arrayNode() : Json.mapper().readTree(value.asText());
            } catch (java.io.IOException e) {
                throw new Invalid("Invalid json list. A tag list submitted in string form must be valid json.");
            }
        }
        if (list == null || !list.isArray()) {
            throw new Invalid("Expected a list of items but got type \"" + PythonTypeName.of(list) + "\".");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw new Invalid("All list items must be of string type.");
            }
            out.add(item.asText());
        }
        return out;
    }
}
