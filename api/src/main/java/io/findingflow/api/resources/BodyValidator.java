package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a request body against a resource's fields as a DRF serializer does: every writable
 * field that was sent is parsed, required ones must be there on create and PUT (not PATCH),
 * unknown and read-only fields are ignored, and all problems are reported together as
 * {@code {"field": ["message"]}} in field order.
 */
public final class BodyValidator {

    /** Does the referenced object exist? (kind, id) */
    interface References {
        boolean exists(String kind, long id);
    }

    private BodyValidator() {}

    /** The cleaned writable values (plus defaults on create); 400 with every problem otherwise. */
    static ObjectNode validate(List<Field> fields, JsonNode body, WriteMode mode, References references) {
        ObjectNode clean = Json.mapper().createObjectNode();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Field field : fields) {
            if (field.readOnly()) {
                continue;
            }
            if (body.has(field.name())) {
                try {
                    JsonNode value = FieldValues.parse(field, body.get(field.name()));
                    if (field.type() == FieldType.REFERENCE && !value.isNull()
                            && !references.exists(field.refKind(), value.asLong())) {
                        errors.put(field.name(), List.of("Invalid pk \"" + value.asLong() + "\" - object does not exist."));
                    } else {
                        clean.set(field.name(), value);
                    }
                } catch (FieldValues.Invalid e) {
                    errors.put(field.name(), List.of(e.getMessage()));
                }
            } else if (field.required() && mode != WriteMode.PATCH) {
                errors.put(field.name(), List.of("This field is required."));
            } else if (mode == WriteMode.CREATE && field.defaultValue() != null) {
                clean.set(field.name(), field.defaultValue().deepCopy());
            } else if (mode == WriteMode.CREATE && !field.writeOnly()) {
                clean.putNull(field.name());
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors);
        }
        return clean;
    }

    /** One non-field error, DRF's {@code {"non_field_errors": [message]}}. */
    public static ApiException nonField(String message) {
        return ApiException.field("non_field_errors", message);
    }
}
