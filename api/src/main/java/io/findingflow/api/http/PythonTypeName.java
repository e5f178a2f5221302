package io.findingflow.api.http;

import com.fasterxml.jackson.databind.JsonNode;

/** The Python type name of a JSON value, as DRF puts it into its messages ("received str", "type \"int\""). */
public final class PythonTypeName {

    private PythonTypeName() {}

    public static String of(JsonNode value) {
        if (value == null || value.isNull()) {
            return "NoneType";
        }
        if (value.isBoolean()) {
            return "bool";
        }
        if (value.isIntegralNumber()) {
            return "int";
        }
        if (value.isNumber()) {
            return "float";
        }
        if (value.isArray()) {
            return "list";
        }
        return value.isObject() ? "dict" : "str";
    }
}
