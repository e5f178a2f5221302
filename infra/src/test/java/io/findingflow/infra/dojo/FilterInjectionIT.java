package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text filter of every list endpoint with quotes, semicolons, backslashes and SQL-looking
 * values: answered 200 (nothing matches) or 400 naming the field, never 500; the filters also
 * find what they should.
 */
class FilterInjectionIT {

    private static final List<String> NASTY = List.of("'", "\"", ";", "\\", "' OR '1'='1", "\"; DROP TABLE findings; --",
            "\\' OR 1=1 --", "%", "_", "%00", "名前");
    /** list endpoint → its text-valued filters (number/boolean/choice filters must answer 400 instead). */
    private static final Map<String, List<String>> TEXT_FILTERS = Map.of(
            "product_types", List.of("name", "name__contains", "name__icontains"),
            "products", List.of("name", "name__contains", "name__icontains"),
            "engagements", List.of("name", "name__contains", "version", "build_id", "commit_hash", "branch_tag"),
            "tests", List.of("title", "title__contains", "scan_type", "version", "build_id", "commit_hash", "branch_tag"),
            "endpoints", List.of("host", "host__contains", "protocol", "path", "query", "fragment", "userinfo"),
            "users", List.of("username", "username__contains", "email", "email__contains", "first_name", "last_name"),
            "findings", List.of("title", "title__contains", "hash_code", "unique_id_from_tool", "component_name",
                    "file_path", "tags", "tags__and", "not_tags", "tag", "not_tag"),
            "test_imports", List.of("type"));
    private static final Map<String, List<String>> TYPED_FILTERS = Map.of(
            "product_types", List.of("id", "critical_product", "o"),
            "products", List.of("prod_type", "business_criticality", "platform", "lifecycle", "origin", "o"),
            "engagements", List.of("product", "engagement_type", "status", "active", "o"),
            "tests", List.of("engagement", "test_type", "o"),
            "endpoints", List.of("product", "port", "o"),
            "users", List.of("is_active", "is_superuser", "o"),
            "findings", List.of("test", "test__engagement", "test__engagement__product", "severity", "active",
                    "verified", "duplicate", "false_p", "is_mitigated", "out_of_scope", "cwe", "o"),
            "product_type_members", List.of("product_type", "user", "role", "o"),
            "test_imports", List.of("test", "o"));

    private static DojoApiTestSupport api;
    private static long product;

    @BeforeAll
    static void setUp() throws Exception {
        api = new DojoApiTestSupport();
        product = api.product("Filters 'quoted' \\ app", api.productType("Filters; type"));
        api.endpoint("o'brien-" + api.run + ".example.com", product);
        api.finding("Title with ' and \" and \\ " + api.run, api.test(api.engagement("E", product)));
    }

    private static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void nastyValuesInTextFiltersAreJustValues() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        TEXT_FILTERS.forEach((resource, filters) -> {
            for (String filter : filters) {
                for (String value : NASTY) {
                    StackClient.Response response = get("/api/v2/" + resource + "/?" + query(filter, value));
                    soft.assertThat(response.status()).as("%s?%s=%s: %s", resource, filter, value, response.body())
                            .isEqualTo(200);
                    soft.assertThat(response.body()).startsWith("{\"count\":");
                }
            }
        });
        soft.assertAll();
    }

    @Test
    void nastyValuesInTypedFiltersAre400NamingTheField() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        TYPED_FILTERS.forEach((resource, filters) -> {
            for (String filter : filters) {
                for (String value : NASTY) {
                    StackClient.Response response = get("/api/v2/" + resource + "/?" + query(filter, value));
                    soft.assertThat(response.status()).as("%s?%s=%s: %s", resource, filter, value, response.body())
                            .isEqualTo(400);
                    soft.assertThat(response.body()).as("%s?%s=%s", resource, filter, value)
                            .startsWith("{\"" + filter + "\":[\"Select a valid choice.");
                }
            }
        });
        soft.assertAll();
    }

    @Test
    void textFiltersFindQuotedValuesExactlyAndByPart() throws Exception {
        String name = "Filters 'quoted' \\ app " + api.run;
        assertThat(count("/api/v2/products/?" + query("name", name))).isEqualTo(1);
        assertThat(count("/api/v2/products/?" + query("name__contains", "'QUOTED' \\"))).isGreaterThanOrEqualTo(1);
        assertThat(count("/api/v2/endpoints/?" + query("host", "o'brien-" + api.run + ".example.com"))).isEqualTo(1);
        assertThat(count("/api/v2/findings/?" + query("title__contains", "' and \" and \\ " + api.run))).isEqualTo(1);
        assertThat(count("/api/v2/findings/?" + query("title", "' OR '1'='1"))).isZero();
        assertThat(count("/api/v2/users/?" + query("username__contains", "%"))).isZero();
        StackClient.Response sorted = get("/api/v2/products/?o=-name,id&" + query("name__contains", api.run));
        JsonNode results = sorted.json().path("results");
        assertThat(results.size()).isGreaterThanOrEqualTo(1);
        StackClient.Response created = api.call("POST", "/api/v2/product_types/", api.admin,
                json("name", "'; DROP TABLE findings; -- " + api.run));
        assertThat(created.status()).isEqualTo(201);
        assertThat(count("/api/v2/product_types/?" + query("name", "'; DROP TABLE findings; -- " + api.run))).isEqualTo(1);
    }

    private static StackClient.Response get(String path) {
        try {
            return api.get(path, api.admin);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static int count(String path) {
        StackClient.Response response = get(path);
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(200);
        return response.json().path("count").asInt();
    }
}
