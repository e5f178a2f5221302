package io.findingflow.api.resources;

/** The value types of resource fields, each with DRF's parsing rules (see {@link FieldValues}). */
public enum FieldType {
    STRING("string", null),
    EMAIL("string", "email"),
    PASSWORD("string", "password"),
    INTEGER("integer", null),
    BOOLEAN("boolean", null),
    DATE("string", "date"),
    DATETIME("string", "date-time"),
    CHOICE("string", null),
    /** A primary key of another resource. */
    REFERENCE("integer", null),
    /** A list of strings (DefectDojo's tags). */
    TAGS("array", null),
    /** A list of primary keys, read-only here (members, configuration_permissions). */
    ID_LIST("array", null),
    /** Any JSON (import settings, statistics). */
    OBJECT("object", null);

    private final String jsonType;
    private final String format;

    FieldType(String jsonType, String format) {
        this.jsonType = jsonType;
        this.format = format;
    }

    /** The OpenAPI type. */
    public String jsonType() {
        return jsonType;
    }

    /** The OpenAPI format, or null. */
    public String format() {
        return format;
    }
}
