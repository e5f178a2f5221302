package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users (write-only hashed passwords, filters, deactivation, deletion), user_profile,
 * membership rules, and the OpenAPI document with Swagger UI served without internet access.
 */
class UsersAndSchemaIT {

    private static DojoApiTestSupport api;

    @BeforeAll
    static void setUp() throws Exception {
        api = new DojoApiTestSupport();
    }

    @Test
    void aUserCreatedThroughTheApiLogsInAndNeverSeesAPassword() throws Exception {
        JsonNode created = api.create("users", json("username", api.username("alice"), "password", DojoApiTestSupport.PASSWORD,
                "email", "alice." + api.run + "@example.com", "first_name", "Alice", "last_name", "Liddell"));
        assertThat(created.has("password")).isFalse();
        assertThat(created.path("is_active").asBoolean()).isTrue();
        assertThat(created.path("is_superuser").asBoolean()).isFalse();
        long id = created.path("id").asLong();
        String token = DojoApiTestSupport.login(api.username("alice"));
        assertThat(token).matches("[0-9a-f]{40}");
        JsonNode profile = api.get("/api/v2/user_profile/", token).json();
        assertThat(profile.path("user").path("username").asText()).isEqualTo(api.username("alice"));
        assertThat(profile.path("global_role").isNull()).isTrue();
        assertThat(profile.path("product_type_member").size()).isZero();
        assertThat(profile.toString()).doesNotContain("pbkdf2").doesNotContain("token");

        assertThat(count("/api/v2/users/?username__contains=" + "ALICE-" + api.run.toUpperCase())).isEqualTo(1);
        assertThat(count("/api/v2/users/?email__contains=alice." + api.run)).isEqualTo(1);
        assertThat(count("/api/v2/users/?first_name=Alice&last_name=Liddell&username=" + api.username("alice"))).isEqualTo(1);
        assertThat(count("/api/v2/users/?is_active=false&username=" + api.username("alice"))).isZero();

        assertThat(api.call("PATCH", "/api/v2/users/" + id + "/", api.admin, json("is_active", false)).status()).isEqualTo(200);
        assertThat(api.get("/api/v2/user_profile/", token).body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
        assertThat(count("/api/v2/users/?is_active=False&username=" + api.username("alice"))).isEqualTo(1);
        assertThat(api.call("DELETE", "/api/v2/users/" + id + "/", api.admin, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v2/users/" + id + "/", api.admin).status()).isEqualTo(404);
        StackClient.Response login = api.call("POST", "/api/v2/api-token-auth/", null,
                json("username", api.username("alice"), "password", DojoApiTestSupport.PASSWORD));
        assertThat(login.status()).isEqualTo(400);
    }

    @Test
    void profilesShowGlobalRolesAndMembershipsAndTheLastOwnerStays() throws Exception {
        long type = api.productType("Profile");
        long user = api.user("bob");
        long membership = api.createId("product_type_members", json("product_type", type, "user", user, "role", 4));
        api.create("global_roles", json("user", user, "role", 5));
        String token = DojoApiTestSupport.login(api.username("bob"));
        JsonNode profile = api.get("/api/v2/user_profile/", token).json();
        assertThat(profile.path("global_role").path("role").asInt()).isEqualTo(5);
        assertThat(profile.path("product_type_member").get(0).path("product_type").asLong()).isEqualTo(type);
        assertThat(profile.path("product_type_member").get(0).path("role").asInt()).isEqualTo(4);
        assertThat(profile.path("dojo_group_member").isArray()).isTrue();
        // the admin created the type, so the admin is its other Owner; once gone, bob is the last
        long adminMembership = api.get("/api/v2/product_type_members/?product_type=" + type + "&role=4&user="
                + api.get("/api/v2/user_profile/", api.admin).json().path("user").path("id").asLong(), api.admin)
                .json().path("results").get(0).path("id").asLong();
        assertThat(api.call("DELETE", "/api/v2/product_type_members/" + adminMembership + "/", api.admin, null).status())
                .isEqualTo(204);
        StackClient.Response demoted = api.call("PATCH", "/api/v2/product_type_members/" + membership + "/", token,
                json("role", 3));
        assertThat(demoted.status()).isEqualTo(400);
        assertThat(demoted.body()).isEqualTo("{\"non_field_errors\":[\"There must be at least one owner\"]}");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndSwaggerUiIsServedLocally() throws Exception {
        StackClient.Response schema = DojoApiTestSupport.raw("GET", "/api/v2/oa3/schema/?format=json", null);
        assertThat(schema.status()).isEqualTo(200);
        JsonNode doc = schema.json();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        List<String> expected = List.of("/api/v2/product_types/", "/api/v2/products/{id}/", "/api/v2/engagements/",
                "/api/v2/tests/", "/api/v2/findings/", "/api/v2/findings/{id}/", "/api/v2/endpoints/", "/api/v2/users/",
                "/api/v2/users/{id}/", "/api/v2/product_type_members/", "/api/v2/product_members/",
                "/api/v2/test_imports/", "/api/v2/user_profile/", "/api/v2/test_types/", "/api/v2/import-scan/",
                "/api/v2/reimport-scan/", "/api/v2/api-token-auth/", "/api/v2/metrics/simple/");
        List<String> missing = new ArrayList<>();
        expected.forEach(p -> {
            if (!paths.has(p)) {
                missing.add(p);
            }
        });
        assertThat(missing).isEmpty();
        assertThat(paths.path("/api/v2/products/{id}/").has("delete")).isTrue();
        List<String> filters = new ArrayList<>();
        paths.path("/api/v2/products/").path("get").path("parameters").forEach(p -> filters.add(p.path("name").asText()));
        assertThat(filters).contains("name", "name__contains", "prod_type", "o", "limit", "offset");
        JsonNode product = doc.path("components").path("schemas").path("ProductRequest");
        assertThat(product.path("required").toString()).contains("\"name\"", "\"prod_type\"");
        assertThat(product.path("properties").path("business_criticality").path("enum").toString()).contains("very high");
        assertThat(doc.path("components").path("schemas").path("DojoUser").path("properties").has("password")).isFalse();
        assertThat(DojoApiTestSupport.raw("GET", "/api/v2/oa3/schema/", null).json()).isEqualTo(doc);

        StackClient.Response ui = DojoApiTestSupport.raw("GET", "/api/v2/oa3/swagger-ui/", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("/static/swagger-ui/swagger-ui-bundle.js").doesNotContain("https://");
        StackClient.Response bundle = DojoApiTestSupport.raw("GET", "/static/swagger-ui/swagger-ui-bundle.js", null);
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(DojoApiTestSupport.raw("GET", "/static/swagger-ui/..%2Fpom.properties", null).status()).isEqualTo(404);
    }

    private static int count(String path) throws Exception {
        StackClient.Response response = api.get(path, api.admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("count").asInt();
    }
}
