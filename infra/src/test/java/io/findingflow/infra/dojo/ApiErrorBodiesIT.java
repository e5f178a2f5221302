package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.testing.StackClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN §3's error bodies, asserted as whole strings, for the entity resources. */
class ApiErrorBodiesIT {

    private static final String FORBIDDEN = "{\"detail\":\"You do not have permission to perform this action.\"}";
    private static DojoApiTestSupport api;
    private static long type;
    private static long product;

    @BeforeAll
    static void setUp() throws Exception {
        api = new DojoApiTestSupport();
        type = api.productType("Errors");
        product = api.product("Errors app", type);
    }

    private static void assertBody(StackClient.Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void GET_without_credentials_nor_Accept_header_is_403_with_DRFs_body() throws Exception {
        assertBody(DojoApiTestSupport.raw("GET", "/api/v2/products/", null), 403,
                "{\"detail\":\"Authentication credentials were not provided.\"}");
        assertBody(DojoApiTestSupport.raw("GET", "/api/v2/users/1/", null, "Authorization", "Token nope"), 403,
                "{\"detail\":\"Invalid token.\"}");
    }

    @Test
    void unknown_ids_are_404_naming_the_model() throws Exception {
        String[][] models = {{"product_types", "Product_Type"}, {"products", "Product"}, {"engagements", "Engagement"},
            {"tests", "Test"}, {"endpoints", "Endpoint"}, {"users", "Dojo_User"}, {"global_roles", "Global_Role"},
            {"product_type_members", "Product_Type_Member"}, {"product_members", "Product_Member"},
            {"test_imports", "Test_Import"}};
        for (String[] model : models) {
            for (String id : new String[] {"987654321987", "abc"}) {
                assertBody(DojoApiTestSupport.raw("GET", "/api/v2/" + model[0] + "/" + id + "/", null,
                        "Authorization", "Token " + api.admin), 404, "{\"detail\":\"No " + model[1] + " matches the given query.\"}");
            }
        }
        assertBody(api.call("PATCH", "/api/v2/products/987654321987/", api.admin, "{}"), 404,
                "{\"detail\":\"No Product matches the given query.\"}");
        assertBody(api.call("POST", "/api/v2/products/", api.admin, json("name", "x", "prod_type", 987654321987L)), 404,
                "{\"detail\":\"No Product_Type matches the given query.\"}");
    }

    @Test
    void malformed_or_non_object_JSON_is_400() throws Exception {
        assertBody(api.call("POST", "/api/v2/products/", api.admin, "{\"name\": \"x\","), 400,
                "{\"message\":\"JSON request content is malformed\"}");
        assertBody(api.call("PATCH", "/api/v2/products/" + product + "/", api.admin, "{'name': 'x'}"), 400,
                "{\"message\":\"JSON request content is malformed\"}");
        assertBody(api.call("POST", "/api/v2/product_types/", api.admin, "[]"), 400,
                "{\"non_field_errors\":[\"Invalid data. Expected a dictionary, but got list.\"]}");
    }

    @Test
    void wrong_types_and_missing_fields_are_400_per_field() throws Exception {
        assertBody(api.call("POST", "/api/v2/engagements/", api.admin, json("name", "E", "product", "abc",
                "target_start", "yesterday", "target_end", "2024-01-01")), 400,
                "{\"target_start\":[\"Date has wrong format. Use one of these formats instead: YYYY-MM-DD.\"],"
                        + "\"product\":[\"Incorrect type. Expected pk value, received str.\"]}");
        assertBody(api.call("POST", "/api/v2/product_types/", api.admin, json("name", "T " + api.run, "critical_product", "maybe")),
                400, "{\"critical_product\":[\"Must be a valid boolean.\"]}");
        assertBody(api.call("POST", "/api/v2/products/", api.admin, json("prod_type", type)), 400,
                "{\"name\":[\"This field is required.\"]}");
        assertBody(api.call("POST", "/api/v2/products/", api.admin, json("name", "No type")), 400,
                "{\"detail\":\"Unable to check for permissions: Attribute 'prod_type' is required\"}");
        assertBody(api.call("POST", "/api/v2/endpoints/", api.admin, json("host", "h", "port", "https", "product", product)),
                400, "{\"port\":[\"A valid integer is required.\"]}");
        assertBody(api.call("PATCH", "/api/v2/products/" + product + "/", api.admin, json("name", "")), 400,
                "{\"name\":[\"This field may not be blank.\"]}");
        assertBody(api.call("POST", "/api/v2/tests/", api.admin, json("engagement", api.engagement("E", product),
                "test_type", 999999, "target_start", "2024-01-01", "target_end", "2024-01-01")), 400,
                "{\"test_type\":[\"Invalid pk \\\"999999\\\" - object does not exist.\"]}");
        assertBody(api.call("PATCH", "/api/v2/products/" + product + "/", api.admin, json("tags", "not-json")), 400,
                "{\"tags\":[\"Invalid json list. A tag list submitted in string form must be valid json.\"]}");
    }

    @Test
    void choices_are_validated_with_DefectDojos_messages() throws Exception {
        String[][] productChoices = {{"business_criticality", "critical"}, {"platform", "mainframe"},
            {"lifecycle", "sunset"}, {"origin", "stolen"}};
        for (String[] choice : productChoices) {
            assertBody(api.call("PATCH", "/api/v2/products/" + product + "/", api.admin, json(choice[0], choice[1])), 400,
                    "{\"" + choice[0] + "\":[\"\\\"" + choice[1] + "\\\" is not a valid choice.\"]}");
        }
        assertBody(api.call("POST", "/api/v2/engagements/", api.admin, json("name", "E", "product", product,
                "target_start", "2024-01-01", "target_end", "2024-01-02", "engagement_type", "Manual", "status", "Done")),
                400, "{\"status\":[\"\\\"Done\\\" is not a valid choice.\"],"
                        + "\"engagement_type\":[\"\\\"Manual\\\" is not a valid choice.\"]}");
        assertThat(api.call("PATCH", "/api/v2/products/" + product + "/", api.admin,
                json("business_criticality", "very high", "platform", "web service", "lifecycle", "production",
                        "origin", "open source")).status()).isEqualTo(200);
    }

    @Test
    void serializer_rules_and_uniqueness_are_400_with_DefectDojos_messages() throws Exception {
        assertBody(api.call("POST", "/api/v2/products/", api.admin, json("name", "Errors app " + api.run, "prod_type", type)),
                400, "{\"name\":[\"product with this name already exists.\"]}");
        assertBody(api.call("POST", "/api/v2/engagements/", api.admin, json("name", "E", "product", product,
                "target_start", "2024-02-01", "target_end", "2024-01-01")), 400,
                "{\"non_field_errors\":[\"Your target start date exceeds your target end date\"]}");
        long user = api.user("errors");
        api.create("product_members", json("product", product, "user", user, "role", 5));
        assertBody(api.call("POST", "/api/v2/product_members/", api.admin, json("product", product, "user", user, "role", 2)),
                400, "{\"non_field_errors\":[\"Product_Member already exists\"]}");
        assertBody(api.call("PATCH", "/api/v2/users/" + user + "/", api.admin, json("password", "new-Secret-1")), 400,
                "{\"non_field_errors\":[\"Update of password though API is not allowed\"]}");
        assertBody(api.call("POST", "/api/v2/users/", api.admin, json("username", "errors-" + api.run)), 400,
                "{\"username\":[\"A user with that username already exists.\"]}");
        long self = api.get("/api/v2/user_profile/", api.admin).json().path("user").path("id").asLong();
        assertBody(api.call("DELETE", "/api/v2/users/" + self + "/", api.admin, null), 400,
                "\"Users may not delete themselves\"");
        String reader = DojoApiTestSupport.login(api.username("errors"));
        assertBody(api.call("PATCH", "/api/v2/products/" + product + "/", reader, json("description", "x")), 403, FORBIDDEN);
        // a product member sees the product's type (DefectDojo) but may not delete it
        assertBody(api.call("DELETE", "/api/v2/product_types/" + type + "/", reader, null), 403, FORBIDDEN);
        assertBody(api.call("DELETE", "/api/v2/product_types/" + api.productType("Unseen") + "/", reader, null), 404,
                "{\"detail\":\"No Product_Type matches the given query.\"}");
    }

    @Test
    void filters_orderings_and_pagination_refuse_or_clamp_bad_values() throws Exception {
        assertBody(api.get("/api/v2/products/?o=nope", api.admin), 400,
                "{\"o\":[\"Select a valid choice. nope is not one of the available choices.\"]}");
        assertBody(api.get("/api/v2/engagements/?engagement_type=Manual", api.admin), 400,
                "{\"engagement_type\":[\"Select a valid choice. Manual is not one of the available choices.\"]}");
        assertBody(api.get("/api/v2/products/?prod_type=abc", api.admin), 400,
                "{\"prod_type\":[\"Select a valid choice. That choice is not one of the available choices.\"]}");
        assertBody(api.get("/api/v2/users/?is_active=maybe", api.admin), 400,
                "{\"is_active\":[\"Select a valid choice. maybe is not one of the available choices.\"]}");
        for (String page : new String[] {"limit=-5", "limit=0", "limit=999999999999", "limit=abc", "offset=-3",
            "offset=99999999999999", "offset=2147483647&limit=1000", "limit=1&offset=1"}) {
            StackClient.Response response = api.get("/api/v2/product_types/?" + page, api.admin);
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.json().path("results").size()).as(page).isLessThanOrEqualTo(1000);
        }
        StackClient.Response second = api.get("/api/v2/product_types/?limit=1&offset=1", api.admin);
        assertThat(second.json().path("previous").asText()).startsWith(DojoApiTestSupport.STACK.baseUrl())
                .endsWith("/api/v2/product_types/?limit=1");
        assertThat(second.json().path("next").asText()).endsWith("/api/v2/product_types/?limit=1&offset=2");
        StackClient.Response jsonGet = DojoApiTestSupport.raw("GET", "/api/v2/products/?o=-name", null,
                "Authorization", "Token " + api.admin, "Content-Type", "application/json");
        assertThat(jsonGet.status()).as(jsonGet.body()).isEqualTo(200);
    }
}
