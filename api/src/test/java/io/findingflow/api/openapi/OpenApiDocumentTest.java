package io.findingflow.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.resources.Field;
import io.findingflow.api.resources.FieldType;
import io.findingflow.api.resources.FilterSpec;
import io.findingflow.api.resources.ResourceHooks;
import io.findingflow.api.resources.ResourceSpec;
import io.findingflow.api.resources.Scope;
import io.findingflow.api.auth.Role;
import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The document follows the route table: each registered route, and nothing else, with the resource's fields. */
class OpenApiDocumentTest {

    private static final ResourceSpec WIDGETS = new ResourceSpec("widgets", "widget", "Widget",
            List.of(Field.string("name", 20).asRequired(), Field.of("secret", FieldType.PASSWORD).asWriteOnly(),
                    Field.readOnly("created", FieldType.DATETIME)),
            List.of(FilterSpec.exact("name"), FilterSpec.flag("active")), List.of("id", "name"),
            Scope.GLOBAL, Role.OWNER, Role.OWNER, Role.OWNER, false, ResourceHooks.NONE);

    private static JsonNode document(String... methodAndPath) {
        RouteTable routes = new RouteTable();
        for (int i = 0; i < methodAndPath.length; i += 2) {
            routes.add(new HandlerMetaInfo(HandlerType.valueOf(methodAndPath[i]), methodAndPath[i + 1], ctx -> {}, Set.of()));
        }
        routes.add(new HandlerMetaInfo(HandlerType.BEFORE, "/api/v2/*", ctx -> {}, Set.of()));
        return new OpenApiController(routes, List.of(WIDGETS)).document();
    }

    @Test
    void shouldDescribeEachRegisteredRouteOnly() {
        JsonNode doc = document("GET", "/api/v2/widgets/", "POST", "/api/v2/widgets/", "DELETE", "/api/v2/widgets/{id}/",
                "GET", "/health");
        assertThat(doc.path("paths").size()).isEqualTo(3);
        assertThat(doc.path("paths").path("/api/v2/widgets/").has("put")).isFalse();
        assertThat(doc.path("paths").path("/api/v2/widgets/{id}/").path("delete").path("responses").has("204")).isTrue();
        assertThat(doc.path("paths").path("/api/v2/widgets/{id}/").path("delete").path("parameters").get(0)
                .path("name").asText()).isEqualTo("id");
    }

    @Test
    void shouldDescribeFiltersPaginationAndBodiesFromTheFields() {
        JsonNode doc = document("GET", "/api/v2/widgets/", "POST", "/api/v2/widgets/");
        JsonNode list = doc.path("paths").path("/api/v2/widgets/").path("get");
        assertThat(list.path("parameters").toString()).contains("\"name\":\"name\"", "\"name\":\"active\"",
                "\"name\":\"o\"", "\"name\":\"limit\"", "\"name\":\"offset\"");
        assertThat(list.path("responses").path("200").toString()).contains("\"next\"", "#/components/schemas/Widget");
        JsonNode request = doc.path("components").path("schemas").path("WidgetRequest");
        assertThat(request.path("required").toString()).isEqualTo("[\"name\"]");
        assertThat(request.path("properties").has("secret")).isTrue();
        assertThat(request.path("properties").has("created")).isFalse();
        JsonNode model = doc.path("components").path("schemas").path("Widget");
        assertThat(model.path("properties").has("secret")).isFalse();
        assertThat(model.path("properties").path("created").path("readOnly").asBoolean()).isTrue();
    }
}
