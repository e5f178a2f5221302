package io.findingflow.api.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.resources.Field;
import io.findingflow.api.resources.FieldType;
import io.findingflow.api.resources.FilterSpec;
import io.findingflow.api.resources.ResourceSpec;
import io.findingflow.schemas.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the OpenAPI 3 document from the route table and the resources' field descriptions:
 * every registered route becomes an operation; routes of a described resource get its filters,
 * pagination, request and response schemas.
 */
final class OpenApiDocument {

    private final Map<String, ResourceSpec> specs = new LinkedHashMap<>();
    private final ObjectNode schemas = Json.mapper().createObjectNode();

    OpenApiDocument(List<ResourceSpec> resources) {
        resources.forEach(spec -> specs.put(spec.path(), spec));
        OtherResources.BY_PATH.forEach(specs::putIfAbsent);
    }

    ObjectNode build(List<RouteTable.Route> routes) {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "FindingFlow — DefectDojo API v2").put("version", "2.58.0")
                .put("description", "DefectDojo-compatible API of FindingFlow. Authenticate with "
                        + "'Authorization: Token <key>' (POST /api/v2/api-token-auth/ returns the key).");
        ObjectNode paths = doc.putObject("paths");
        for (RouteTable.Route route : routes) {
            if (route.path().contains("*") || route.path().startsWith("/static/")) {
                continue;
            }
            ObjectNode item = paths.has(route.path()) ? (ObjectNode) paths.get(route.path()) : paths.putObject(route.path());
            item.set(route.method(), operation(route));
        }
        ObjectNode components = doc.putObject("components");
        components.set("schemas", schemas);
        components.putObject("securitySchemes").putObject("tokenAuth").put("type", "apiKey").put("in", "header")
                .put("name", "Authorization").put("description", "Token-based authentication with the prefix \"Token\"");
        doc.putArray("security").addObject().putArray("tokenAuth");
        return doc;
    }

    private ObjectNode operation(RouteTable.Route route) {
        String path = route.path();
        String name = resourceName(path);
        ResourceSpec spec = name == null ? null : specs.get(name);
        boolean item = path.contains("{");
        ObjectNode op = Json.mapper().createObjectNode();
        op.put("operationId", (name == null ? path.replaceAll("[^A-Za-z0-9]+", "_") : name)
                + "_" + (route.method().equals("get") ? (item ? "retrieve" : "list") : operationVerb(route.method(), item)));
        op.putArray("tags").add(name == null ? path.split("/")[1] : name);
        ArrayNode parameters = op.putArray("parameters");
        if (item) {
            String param = path.substring(path.indexOf('{') + 1, path.indexOf('}'));
            parameters.addObject().put("name", param).put("in", "path").put("required", true)
                    .putObject("schema").put("type", param.equals("id") ? "integer" : "string");
        }
        ObjectNode responses = op.putObject("responses");
        if (spec == null) {
            if (name != null && (name.equals("import-scan") || name.equals("reimport-scan"))) {
                op.putObject("requestBody").put("required", true).putObject("content").putObject("multipart/form-data")
                        .set("schema", objectSchema(OtherResources.IMPORT_FORM, true, true));
            } else if ("api-token-auth".equals(name)) {
                op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                        .set("schema", objectSchema(OtherResources.TOKEN_AUTH, true, true));
            }
            responses.putObject(route.method().equals("post") ? "201" : "200").put("description", "");
            return op;
        }
        String model = modelSchema(spec);
        switch (route.method()) {
            case "get" -> {
                if (!item) {
                    listParameters(spec, parameters);
                    json(responses.putObject("200"), paginated(model));
                } else {
                    json(responses.putObject("200"), ref(model));
                }
            }
            case "post" -> {
                json(op.putObject("requestBody").put("required", true), ref(requestSchema(spec, false)));
                json(responses.putObject("201"), ref(model));
            }
            case "put", "patch" -> {
                json(op.putObject("requestBody"), ref(requestSchema(spec, route.method().equals("patch"))));
                json(responses.putObject("200"), ref(model));
            }
            default -> responses.putObject("204").put("description", "No response body");
        }
        if (item) {
            responses.putObject("404").put("description", "No " + spec.model() + " matches the given query.");
        }
        responses.putObject("400").put("description", "Validation error: {\"field\": [\"message\"]}");
        responses.putObject("403").put("description", "Not authenticated, or not permitted");
        return op;
    }

    private static String operationVerb(String method, boolean item) {
        return switch (method) {
            case "post" -> "create";
            case "put" -> "update";
            case "patch" -> "partial_update";
            default -> "destroy";
        };
    }

    /** "products" for /api/v2/products/{id}/, "customMetrics" for /v2/customMetrics/...; null otherwise. */
    private static String resourceName(String path) {
        String rest = path.startsWith("/api/v2/") ? path.substring(8) : path.startsWith("/v2/") ? path.substring(4) : null;
        if (rest == null || rest.isEmpty()) {
            return null;
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private void listParameters(ResourceSpec spec, ArrayNode parameters) {
        for (FilterSpec filter : spec.filters()) {
            ObjectNode schema = parameters.addObject().put("name", filter.param()).put("in", "query")
                    .put("required", false).putObject("schema");
            switch (filter.kind()) {
                case NUMBER -> schema.put("type", "integer");
                case BOOLEAN -> schema.put("type", "boolean");
                case CHOICE -> {
                    schema.put("type", "string");
                    filter.choices().forEach(schema.putArray("enum")::add);
                }
                default -> schema.put("type", "string");
            }
        }
        if (!spec.orderings().isEmpty()) {
            ObjectNode o = parameters.addObject().put("name", "o").put("in", "query").put("required", false)
                    .put("description", "Ordering: comma separated fields, '-' for descending: "
                            + String.join(", ", spec.orderings()));
            o.putObject("schema").put("type", "string");
        }
        parameters.addObject().put("name", "limit").put("in", "query").put("required", false)
                .putObject("schema").put("type", "integer").put("default", 25);
        parameters.addObject().put("name", "offset").put("in", "query").put("required", false)
                .putObject("schema").put("type", "integer").put("default", 0);
    }

    private String modelSchema(ResourceSpec spec) {
        String name = spec.model().replace("_", "");
        if (!schemas.has(name)) {
            ObjectNode schema = objectSchema(spec.fields(), false, false);
            ((ObjectNode) schema.get("properties")).set("id", property(Field.readOnly("id", FieldType.INTEGER)));
            schemas.set(name, schema);
        }
        return name;
    }

    private String requestSchema(ResourceSpec spec, boolean patch) {
        String name = (patch ? "Patched" : "") + spec.model().replace("_", "") + "Request";
        if (!schemas.has(name)) {
            schemas.set(name, objectSchema(spec.fields(), true, !patch));
        }
        return name;
    }

    /** A request schema holds the writable fields; a response schema the readable ones. */
    private static ObjectNode objectSchema(List<Field> fields, boolean request, boolean withRequired) {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.mapper().createArrayNode();
        for (Field field : fields) {
            if (request ? field.readOnly() : field.writeOnly()) {
                continue;
            }
            properties.set(field.name(), property(field));
            if (withRequired && field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode property(Field field) {
        ObjectNode p = Json.mapper().createObjectNode().put("type", field.type().jsonType());
        if (field.type().format() != null) {
            p.put("format", field.type().format());
        }
        if (field.type() == FieldType.TAGS) {
            p.putObject("items").put("type", "string");
        } else if (field.type() == FieldType.ID_LIST) {
            p.putObject("items");
        }
        if (!field.choices().isEmpty()) {
            field.choices().forEach(p.putArray("enum")::add);
        }
        if (field.maxLength() > 0) {
            p.put("maxLength", field.maxLength());
        }
        if (field.readOnly()) {
            p.put("readOnly", true);
        }
        if (field.writeOnly()) {
            p.put("writeOnly", true);
        }
        if (field.nullable() && !field.required()) {
            p.put("nullable", true);
        }
        if (field.refModel() != null) {
            p.put("description", "Primary key of a " + field.refModel());
        }
        return p;
    }

    private static ObjectNode ref(String schema) {
        return Json.mapper().createObjectNode().put("$ref", "#/components/schemas/" + schema);
    }

    private static ObjectNode paginated(String model) {
        ObjectNode schema = Json.mapper().createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("count").put("type", "integer");
        properties.putObject("next").put("type", "string").put("format", "uri").put("nullable", true);
        properties.putObject("previous").put("type", "string").put("format", "uri").put("nullable", true);
        properties.putObject("results").put("type", "array").set("items", ref(model));
        return schema;
    }

    private static void json(ObjectNode target, ObjectNode schema) {
        if (!target.has("description")) {
            target.put("description", "");
        }
        target.putObject("content").putObject("application/json").set("schema", schema);
    }
}
