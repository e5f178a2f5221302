package io.findingflow.infra.metrics;

import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.ENFORCE_VERIFIED;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.STACK;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.ZONE;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.expected;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.recount;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.row;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 over HTTP on the real stack, comparing whole bodies: its four example requests, every
 * error in the documented order, 403 without credentials, 404 for unknown product types, the 301
 * from the no-slash URL, and a product moved between product types.
 */
class MetricsSimpleContractIT {

    private static final String RUN = MetricsSimpleTestSupport.runId();
    private static final String TYPE_NAME = "MS Contract " + RUN;
    private static MetricsSimpleTestSupport support;
    private static long type;
    private static long product;

    /**
     * Product type TYPE_NAME: 12 verified findings dated 2001-07-10 (3 critical, 3 high, 2 medium,
     * 2 low, 2 info), 5 unverified ones dated 2001-07-11 in a second product, and a reimport on
     * 2001-09-01 that closes one critical and one high finding (at midnight in the server time
     * zone: the first of a month, so a time-zone slip would show as August).
     */
    @BeforeAll
    static void data() throws Exception {
        support = new MetricsSimpleTestSupport();
        JsonNode first = support.importScan(TYPE_NAME, "MS Contract P1 " + RUN, "CI", "2001-07-10", true, 0, 12);
        type = first.path("product_type_id").asLong();
        product = first.path("product_id").asLong();
        support.importScan(TYPE_NAME, "MS Contract P2 " + RUN, "CI", "2001-07-11", false, 0, 5);
        JsonNode reimport = support.reimport(first.path("test").asLong(), "2001-09-01", true, 2, 12);
        assertThat(reimport.path("statistics").path("delta").path("closed").path("total").path("total").asInt())
                .isEqualTo(2);
    }

    private static String july() {
        // the unverified product counts only when DD_METRICS_ENFORCE_VERIFIED is off
        int u = ENFORCE_VERIFIED ? 0 : 1;
        return "[" + row(type, TYPE_NAME, 3 + u, 3 + u, 2 + u, 2 + u, 2 + u, 0) + "]";
    }

    private static void assertBody(StackClient.Response response, int status, String body) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    private static void assertError(String query, int status, String message) throws Exception {
        assertBody(support.metrics(query), status, "{\"error\":\"" + message + "\"}");
    }

    @Test
    void GET_metrics_simple_with_date_and_product_type_id_returns_that_types_month() throws Exception {
        assertBody(support.metrics("?date=2001-07-01&product_type_id=" + type), 200, july());
        assertBody(support.metrics("?date=2001-07-31&product_type_id=" + type), 200, july());
        assertBody(support.metrics("?date=2001-08-15&product_type_id=" + type), 200,
                "[" + row(type, TYPE_NAME, 0, 0, 0, 0, 0, 0) + "]");
    }

    @Test
    void GET_metrics_simple_counts_closed_findings_in_their_mitigated_month() throws Exception {
        assertBody(support.metrics("?date=2001-09-03&product_type_id=" + type), 200,
                "[" + row(type, TYPE_NAME, 0, 0, 0, 0, 0, 2) + "]");
    }

    @Test
    void GET_metrics_simple_reads_parameters_as_defectdojo_does() throws Exception {
        assertBody(support.metrics("?date=2001-7-9&product_type_id=" + utf8(" +" + type + " ")), 200, july());
        // QueryDict.get: the last of repeated values
        assertBody(support.metrics("?date=1999-01-01&date=2001-07-10&product_type_id=x&product_type_id=" + type),
                200, july());
        assertThat(support.metrics("?date=&product_type_id=").body()).isEqualTo(support.metrics("").body());
    }

    @Test
    void GET_metrics_simple_with_a_date_returns_every_type_by_name_with_zero_rows() throws Exception {
        LocalDate month = LocalDate.of(2001, 7, 1);
        StackClient.Response response = support.metrics("?date=2001-07-15");
        String expected = expected(support.productTypes(), support.productTypeOfProducts(), recount(month)).toString();
        assertBody(response, 200, expected);
        assertThat(response.json().findValuesAsText("product_type_name")).contains(TYPE_NAME);
        assertThat(response.body()).contains(july().substring(1, july().length() - 1));
    }

    @Test
    void GET_metrics_simple_without_parameters_is_the_current_month_in_the_server_time_zone() throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        StackClient.Response response = support.metrics("");
        assertBody(response, 200,
                expected(support.productTypes(), support.productTypeOfProducts(), recount(today.withDayOfMonth(1)))
                        .toString());
        assertThat(response.body()).isEqualTo(support.metrics("?date=" + today).body());
        assertBody(support.metrics("?product_type_id=" + type), 200, "[" + row(type, TYPE_NAME, 0, 0, 0, 0, 0, 0) + "]");
    }

    @Test
    void GET_metrics_simple_without_trailing_slash_redirects_301_keeping_the_query() throws Exception {
        String query = "?date=2001-07-10&product_type_id=" + type;
        StackClient.Response redirect = STACK.get("/api/v2/metrics/simple" + query, support.token());
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.header("Location")).isEqualTo("/api/v2/metrics/simple/" + query);
        assertThat(STACK.get("/api/v2/metrics/simple", null).header("Location")).isEqualTo("/api/v2/metrics/simple/");
        assertBody(STACK.get(redirect.header("Location"), support.token()), 200, july());
    }

    @Test
    void GET_metrics_simple_returns_400s_in_the_documented_order() throws Exception {
        assertError("?date=2024-01-15" + "a".repeat(11), 400, "Invalid date parameter length.");
        assertError("?date=" + "1".repeat(21) + "&product_type_id=x", 400, "Invalid date parameter length.");
        assertError("?date=invalid-date", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("?date=2024%2F01%2F15", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("?date=2024-01-15T00", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("?date=2024-13-01", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("?date=2023-02-29", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("?date=20240115", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("?date=1999-12-31", 400, "Date must be between 2000-01-01 and one year from now.");
        assertError("?date=" + LocalDate.now(ZONE).plusYears(1).plusDays(1), 400,
                "Date must be between 2000-01-01 and one year from now.");
        assertError("?product_type_id=abc", 400, "Invalid product_type_id format.");
        assertError("?product_type_id=1.5", 400, "Invalid product_type_id format.");
        assertError("?date=1999-12-31&product_type_id=abc", 400, "Date must be between 2000-01-01 and one year from now.");
        assertError("?date=2001-07-10&product_type_id=abc", 400, "Invalid product_type_id format.");
        assertBody(support.metrics("?date=" + LocalDate.now(ZONE).plusYears(1) + "&product_type_id=" + type), 200,
                "[" + row(type, TYPE_NAME, 0, 0, 0, 0, 0, 0) + "]");
    }

    @Test
    void GET_metrics_simple_returns_404_for_unknown_product_types() throws Exception {
        String notFound = "Product type not found or access denied.";
        assertError("?product_type_id=999999999999", 404, notFound);
        assertError("?product_type_id=0", 404, notFound);
        assertError("?product_type_id=-" + type, 404, notFound);
        assertError("?date=2001-07-10&product_type_id=123456789012345678901234567890", 404, notFound);
    }

    @Test
    void GET_metrics_simple_returns_403_without_or_with_bad_credentials_before_anything_else() throws Exception {
        String none = "{\"detail\":\"Authentication credentials were not provided.\"}";
        assertBody(STACK.get("/api/v2/metrics/simple/", null), 403, none);
        assertBody(STACK.get("/api/v2/metrics/simple/?date=bad&product_type_id=" + type, null), 403, none);
        assertBody(STACK.get("/api/v2/metrics/simple/?product_type_id=999999999999", null), 403, none);
        assertBody(STACK.get("/api/v2/metrics/simple/", "0123456789abcdef0123456789abcdef01234567"), 403,
                "{\"detail\":\"Invalid token.\"}");
    }

    @Test
    void GET_metrics_simple_answers_json_without_an_accept_header_and_to_browsers() throws Exception {
        String query = "?date=2001-07-10&product_type_id=" + type;
        String[] raw = rawGet("/api/v2/metrics/simple/" + query, support.token());
        assertThat(raw[0]).matches("(?s)HTTP/1\\.[01] 200 .*").containsIgnoringCase("Content-Type: application/json");
        assertThat(raw[1]).isEqualTo(july());
        String[] error = rawGet("/api/v2/metrics/simple/?date=x", support.token());
        assertThat(error[0]).matches("(?s)HTTP/1\\.[01] 400 .*");
        assertThat(error[1]).isEqualTo("{\"error\":\"Invalid date format. Only numbers and hyphens allowed.\"}");
        assertBody(browserGet("/api/v2/metrics/simple/" + query, support.token()), 200, july());
        assertBody(browserGet("/api/v2/metrics/simple/?date=x", support.token()), 400, error[1]);
        StackClient.Response forbidden = browserGet("/api/v2/metrics/simple/", null);
        assertBody(forbidden, 403, "{\"detail\":\"Authentication credentials were not provided.\"}");
    }

    @Test
    void GET_metrics_simple_moves_counts_with_a_product_moved_to_another_type() throws Exception {
        String from = "MS Move From " + RUN;
        String to = "MS Move To " + RUN;
        JsonNode imported = support.importScan(from, "MS Move P " + RUN, "CI", "2001-07-20", true, 0, 5);
        long fromId = imported.path("product_type_id").asLong();
        long toId = support.createProductType(to);
        String before = "[" + row(fromId, from, 1, 1, 1, 1, 1, 0) + "]";
        assertBody(support.metrics("?date=2001-07-20&product_type_id=" + fromId), 200, before);
        support.moveProduct(imported.path("product_id").asLong(), toId);
        assertBody(support.metrics("?date=2001-07-20&product_type_id=" + fromId), 200,
                "[" + row(fromId, from, 0, 0, 0, 0, 0, 0) + "]");
        assertBody(support.metrics("?date=2001-07-20&product_type_id=" + toId), 200,
                "[" + row(toId, to, 1, 1, 1, 1, 1, 0) + "]");
        support.moveProduct(imported.path("product_id").asLong(), fromId);
        assertBody(support.metrics("?date=2001-07-20&product_type_id=" + fromId), 200, before);
    }

    @Test
    void GET_metrics_simple_returns_404_for_product_types_the_caller_may_not_view() throws Exception {
        String typeReader = userToken("ms-type-reader-" + RUN);
        Assumptions.assumeTrue(typeReader != null, "users cannot be created through the API yet");
        String productOwner = userToken("ms-product-owner-" + RUN);
        String other = "MS Hidden " + RUN;
        long hidden = support.createProductType(other);
        member("/api/v2/product_type_members/", "product_type", type, "ms-type-reader-" + RUN, 5);
        member("/api/v2/product_members/", "product", product, "ms-product-owner-" + RUN, 4);
        String notFound = "{\"error\":\"Product type not found or access denied.\"}";

        // a role on the product type: that type only, with all its products' findings
        assertBody(STACK.get("/api/v2/metrics/simple/?date=2001-07-10", typeReader), 200, july());
        assertBody(STACK.get("/api/v2/metrics/simple/?date=2001-07-10&product_type_id=" + type, typeReader), 200,
                july());
        assertBody(STACK.get("/api/v2/metrics/simple/?product_type_id=" + hidden, typeReader), 404, notFound);
        // a role on one product only does not grant Product_Type_View (get_authorized_product_types)
        assertBody(STACK.get("/api/v2/metrics/simple/?date=2001-07-10", productOwner), 200, "[]");
        assertBody(STACK.get("/api/v2/metrics/simple/?product_type_id=" + type, productOwner), 404, notFound);
        assertBody(support.metrics("?date=2001-07-10&product_type_id=" + hidden), 200,
                "[" + row(hidden, other, 0, 0, 0, 0, 0, 0) + "]");
    }

    /** Creates an active user and returns its token, or null when the API cannot create users. */
    private static String userToken(String username) throws Exception {
        String password = "Metrics-Pw-" + RUN + "!";
        StackClient.Response user = STACK.postJson("/api/v2/users/", support.token(), "{\"username\": \"" + username
                + "\", \"password\": \"" + password + "\", \"is_active\": true}");
        if (user.status() == 404 || user.status() == 405) {
            return null;
        }
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        StackClient.Response login = STACK.postJson("/api/v2/api-token-auth/", null, "{\"username\": \"" + username
                + "\", \"password\": \"" + password + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().path("token").asText();
    }

    private static void member(String path, String field, long id, String username, int role) throws Exception {
        long user = STACK.get("/api/v2/users/?username=" + username, support.token()).json().path("results").get(0)
                .path("id").asLong();
        StackClient.Response member = STACK.postJson(path, support.token(),
                "{\"" + field + "\": " + id + ", \"user\": " + user + ", \"role\": " + role + "}");
        assertThat(member.status()).as(member.body()).isEqualTo(201);
    }

    /** A GET as a browser sends it: Accept text/html first. */
    private static StackClient.Response browserGet(String path, String token) throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(URI.create(STACK.baseUrl() + path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new StackClient.Response(response.statusCode(), response.body(), response.headers().map());
    }

    /** A bare HTTP/1.0 GET over a socket: no Accept (nor any other optional) header. Returns head, body. */
    private static String[] rawGet(String path, String token) throws Exception {
        URI base = URI.create(STACK.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\nAuthorization: Token " + token
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, split), response.substring(split + 4)};
        }
    }
}
