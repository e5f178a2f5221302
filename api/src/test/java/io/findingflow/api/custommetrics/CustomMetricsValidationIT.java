package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.testing.StackClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every validation error of /v2/customMetrics over HTTP, with ThreatConnect's exact Failure bodies. */
class CustomMetricsValidationIT {

    private static final TcTestClient TC = new TcTestClient();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static String admin;

    @BeforeAll
    static void setUp() throws Exception {
        admin = StackClient.fromEnv().adminToken();
        TC.createMetric(admin, "plain-" + RUN, "Sum", "Daily", false);
        TC.createMetric(admin, "keyed-" + RUN, "Average", "Hourly", true);
    }

    private static void assertFailure(StackClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"status\":\"Failure\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name is required",
        "{\"name\":\"\",\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name is required",
        "{\"name\":\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\",\"dataType\":\"Sum\",\"interval\":\"Daily\"}"
                + "|name must be 1 to 45 characters long",
        "{\"name\":{},\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name must be a string",
        "{\"name\":\"m\",\"interval\":\"Daily\"}|dataType is required",
        "{\"name\":\"m\",\"dataType\":\"Median\",\"interval\":\"Daily\"}"
                + "|Invalid dataType \"Median\": use one of Sum, Count, Min, Max, First, Last, Average",
        "{\"name\":\"m\",\"dataType\":\"Sum\"}|interval is required",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Fortnightly\"}"
                + "|Invalid interval \"Fortnightly\": use one of Hourly, Daily, Weekly, Monthly, Yearly",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"keyedValues\":\"yes\"}|keyedValues must be true or false",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"description\":[]}|description must be a string",
        "[{\"name\":\"m\"}]|The request body must be a JSON object",
        "{\"name\": \"m\"|The request body is not valid JSON",
    })
    void createRefusesABadConfig(String body, String message) throws Exception {
        assertFailure(TC.token("POST", "/v2/customMetrics", admin, body), 400, message);
    }

    @Test
    void createRefusesAnEmptyBodyAndADuplicateName() throws Exception {
        assertFailure(TC.token("POST", "/v2/customMetrics", admin, ""), 400, "A JSON request body is required");
        assertFailure(TC.token("POST", "/v2/customMetrics", admin,
                "{\"name\":\"plain-" + RUN + "\",\"dataType\":\"Max\",\"interval\":\"Hourly\"}"),
                409, "A custom metric named \"plain-" + RUN + "\" already exists");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "plain|{}|value is required",
        "plain|{\"value\":\"two\"}|Invalid value \"two\": use a number",
        "plain|{\"value\":\"Infinity\"}|Invalid value \"Infinity\": use a number",
        "plain|{\"value\":1,\"weight\":0}|Invalid weight \"0\": use a number above 0",
        "plain|{\"value\":1,\"weight\":\"x\"}|Invalid weight \"x\": use a number",
        "plain|{\"value\":1,\"date\":\"2023-02-29T00:00:00Z\"}"
                + "|Invalid date \"2023-02-29T00:00:00Z\": use an ISO 8601 date between 1971 and 2100, e.g. 2018-10-19T14:44:00Z",
        "plain|{\"value\":1,\"date\":\"1969-12-31T23:59:59Z\"}"
                + "|Invalid date \"1969-12-31T23:59:59Z\": use an ISO 8601 date between 1971 and 2100, e.g. 2018-10-19T14:44:00Z",
        "plain|{\"value\":1,\"name\":\"app1\"}|The metric \"plain-RUN\" is not keyed: leave out name",
        "plain|[]|The array holds no data points",
        "plain|[{\"value\":1},{\"value\":\"x\"}]|points[1]: Invalid value \"x\": use a number",
        "plain|[{\"value\":1},[]]|points[1]: a data point must be a JSON object",
        "plain|7|The body must be a data point (a JSON object) or an array of them",
        "plain|{\"value\":|The request body is not valid JSON",
        "keyed|{\"value\":1}|name (the key) is required for the keyed metric \"keyed-RUN\"",
        "keyed|[{\"name\":\"a\",\"value\":1},{\"name\":\"\",\"value\":1}]"
                + "|points[1]: name (the key) is required for the keyed metric \"keyed-RUN\"",
    })
    void postingDataRefusesABadPoint(String metric, String body, String message) throws Exception {
        assertFailure(TC.token("POST", "/v2/customMetrics/" + metric + "-" + RUN + "/data?returnValue=true", admin, body),
                400, message.replace("RUN", RUN));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "/v2/customMetrics?resultStart=-1|Invalid resultStart \"-1\": use a whole number of at least 0",
        "/v2/customMetrics?resultLimit=10001|Invalid resultLimit \"10001\": use a whole number from 1 to 10000",
        "/v2/customMetrics?resultLimit=abc|Invalid resultLimit \"abc\": use a whole number from 1 to 10000",
        "/v2/customMetrics/plain-RUN/data?from=yesterday"
                + "|Invalid from \"yesterday\": use an ISO 8601 date between 1971 and 2100, e.g. 2018-10-19T14:44:00Z",
        "/v2/customMetrics/plain-RUN/data?to=2024-02-30|Invalid to \"2024-02-30\": use an ISO 8601 date between 1971 and"
                + " 2100, e.g. 2018-10-19T14:44:00Z",
        "/v2/customMetrics/plain-RUN/data?resultLimit=0|Invalid resultLimit \"0\": use a whole number from 1 to 10000",
    })
    void readsRefuseBadParameters(String path, String message) throws Exception {
        assertFailure(TC.token("GET", path.replace("RUN", RUN), admin, null), 400, message);
    }

    @Test
    void unknownMetricsAndRoutesAreThreatConnects404() throws Exception {
        String message = "The requested resource was not found";
        assertFailure(TC.token("GET", "/v2/customMetrics/no-such-" + RUN, admin, null), 404, message);
        assertFailure(TC.token("GET", "/v2/customMetrics/999999999999", admin, null), 404, message);
        assertFailure(TC.token("POST", "/v2/customMetrics/no-such-" + RUN + "/data", admin, "{\"value\":1}"), 404, message);
        assertFailure(TC.token("DELETE", "/v2/customMetrics/no-such-" + RUN, admin, null), 404, message);
        assertFailure(TC.token("GET", "/v2/owners", admin, null), 404, message);
        assertFailure(TC.token("PUT", "/v2/customMetrics/plain-" + RUN, admin, "{}"), 404, message);
        assertFailure(TC.token("GET", "/v2/customMetrics/plain-" + RUN + "/data/extra", admin, null), 404, message);
    }

    @Test
    void theSeedsListUrlWithATrailingSlashWorksAndIsNotRedirected() throws Exception {
        StackClient.Response response = TC.token("GET", "/v2/customMetrics/", admin, null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("data").path("customMetricConfig").isArray()).isTrue();
    }
}
