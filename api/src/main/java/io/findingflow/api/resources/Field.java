package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * One field of a resource as DefectDojo's serializer declares it: type, whether a create must
 * send it, read-only / write-only, null allowed, choices, the resource a primary key points at,
 * a maximum length and the default a create stores when the field is absent. The same
 * description drives validation, the JSON view and the OpenAPI schema.
 */
public record Field(
        String name,
        FieldType type,
        boolean required,
        boolean readOnly,
        boolean writeOnly,
        boolean nullable,
        List<String> choices,
        String refKind,
        String refModel,
        int maxLength,
        JsonNode defaultValue) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static Field string(String name, int maxLength) {
        return new Field(name, FieldType.STRING, false, false, false, true, List.of(), null, null, maxLength, null);
    }

    public static Field of(String name, FieldType type) {
        return new Field(name, type, false, false, false, true, List.of(), null, null, 0, null);
    }

    public static Field bool(String name, boolean defaultValue) {
        return new Field(name, FieldType.BOOLEAN, false, false, false, false, List.of(), null, null, 0,
                NODES.booleanNode(defaultValue));
    }

    public static Field choice(String name, List<String> choices) {
        return new Field(name, FieldType.CHOICE, false, false, false, true, choices, null, null, 0, null);
    }

    public static Field reference(String name, String refKind, String refModel) {
        return new Field(name, FieldType.REFERENCE, false, false, false, true, List.of(), refKind, refModel, 0, null);
    }

    public static Field readOnly(String name, FieldType type) {
        return new Field(name, type, false, true, false, true, List.of(), null, null, 0, null);
    }

    public static Field tags() {
        return new Field("tags", FieldType.TAGS, false, false, false, false, List.of(), null, null, 0,
                NODES.arrayNode());
    }

    /** This field, required on create (and PUT), never null. */
    public Field asRequired() {
        return new Field(name, type, true, readOnly, writeOnly, false, choices, refKind, refModel, maxLength, defaultValue);
    }

    public Field notNull() {
        return new Field(name, type, required, readOnly, writeOnly, false, choices, refKind, refModel, maxLength, defaultValue);
    }

    public Field asWriteOnly() {
        return new Field(name, type, required, readOnly, true, nullable, choices, refKind, refModel, maxLength, defaultValue);
    }

    public Field withDefault(JsonNode value) {
        return new Field(name, type, required, readOnly, writeOnly, nullable, choices, refKind, refModel, maxLength, value);
    }

    public Field withDefault(String value) {
        return withDefault(NODES.textNode(value));
    }
}
