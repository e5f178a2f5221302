package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.RequestBodies;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;
import java.util.List;

/** A write's body as JSON: a JSON object, or form fields (as text, lists for repeated list fields). */
final class RequestBody {

    private RequestBody() {}

    static JsonNode read(Context ctx, List<Field> fields) {
        if (!RequestBodies.isForm(ctx)) {
            return RequestBodies.json(ctx);
        }
        ObjectNode body = Json.mapper().createObjectNode();
        ctx.formParamMap().forEach((name, values) -> {
            Field field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (field != null && field.type() == FieldType.TAGS) {
                ArrayNode list = body.putArray(name);
                values.forEach(list::add);
            } else if (!values.isEmpty()) {
                body.put(name, values.get(0));
            }
        });
        return body;
    }
}
