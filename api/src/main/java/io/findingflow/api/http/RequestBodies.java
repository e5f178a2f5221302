package io.findingflow.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;
import java.util.Map;

/** Reading request bodies the way DRF does: JSON, or form fields; malformed JSON is a 400. */
public final class RequestBodies {

    private RequestBodies() {}

    public static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null
                && (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"));
    }

    /** The JSON object body; 400 {"message": "JSON request content is malformed"} otherwise. */
    public static JsonNode json(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw new ApiException(400, Map.of("non_field_errors",
                        java.util.List.of("Invalid data. Expected a dictionary, but got " + kind(node) + ".")));
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiException(400, Map.of("message", "JSON request content is malformed"));
        }
    }

    private static String kind(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        if (node.isArray()) {
            return "list";
        }
        if (node.isTextual()) {
            return "str";
        }
        return node.isNumber() ? "int" : node.getNodeType().name().toLowerCase();
    }
}
