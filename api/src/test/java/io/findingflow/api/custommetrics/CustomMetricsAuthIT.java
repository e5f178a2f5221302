package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcTestClient.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.custommetrics.auth.TcSignature;
import io.findingflow.schemas.testing.StackClient;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Authentication and authorization of /v2 on the real stack: ThreatConnect HMAC signatures with
 * access keys a user creates and revokes, TC-Token and Token with the DefectDojo API token, and
 * the global-role rules (read: anyone; post data: API_Importer+; create: Writer+; delete: Maintainer+).
 */
class CustomMetricsAuthIT {

    private static final TcTestClient TC = new TcTestClient();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String LIST = "/v2/customMetrics?resultLimit=50&resultStart=0";
    private static String admin;
    private static String metric;

    @BeforeAll
    static void setUp() throws Exception {
        admin = StackClient.fromEnv().adminToken();
        metric = "auth-" + RUN;
        TC.createMetric(admin, metric, "Sum", "Hourly", false);
    }

    private static void assertFailure(StackClient.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).isEqualTo("{\"status\":\"Failure\",\"message\":\"" + message + "\"}");
    }

    private static JsonNode newKey(String token) throws Exception {
        StackClient.Response created = TC.token("POST", "/v2/accessKeys", token, null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return data(created).path("accessKey");
    }

    @Test
    void signedRequestsWorkUntilTheKeyIsRevoked() throws Exception {
        JsonNode key = newKey(admin);
        String id = key.path("accessId").asText();
        String secret = key.path("secretKey").asText();
        assertThat(id).matches("[0-9]{20}");
        assertThat(key.path("user").asText()).isEqualTo("admin");

        StackClient.Response list = TC.signedNow("GET", LIST, id, secret, null);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(data(list).path("customMetricConfig").isArray()).isTrue();
        StackClient.Response posted = TC.signedNow("POST", "/v2/customMetrics/" + metric + "/data?returnValue=true", id,
                secret, "{\"value\":\"2\",\"date\":\"2024-03-01T10:30:00Z\"}");
        assertThat(posted.body()).isEqualTo("{\"value\":2.0,\"date\":\"2024-03-01T10:00:00Z\"}");

        JsonNode listed = data(TC.token("GET", "/v2/accessKeys", admin, null));
        assertThat(listed.path("accessKey").toString()).contains("\"accessId\":\"" + id + "\"").doesNotContain("secretKey");

        StackClient.Response revoked = TC.token("DELETE", "/v2/accessKeys/" + id, admin, null);
        assertThat(revoked.body()).isEqualTo("{\"status\":\"Success\"}");
        assertFailure(TC.signedNow("GET", LIST, id, secret, null), 401, "Access Denied");
    }

    @Test
    void badSignaturesTimestampsAndHeadersAre401() throws Exception {
        JsonNode key = newKey(admin);
        String id = key.path("accessId").asText();
        String secret = key.path("secretKey").asText();
        long now = System.currentTimeMillis() / 1000;
        assertFailure(TC.signed("GET", LIST, id, secret, now - 600, null), 401, "Timestamp out of acceptable time range");
        assertFailure(TC.signed("GET", LIST, id, secret, now + 600, null), 401, "Timestamp out of acceptable time range");
        assertFailure(TC.signed("GET", LIST, id, secret + "x", now, null), 401, "Signature data did not match expected result");
        String ts = String.valueOf(now);
        String otherQuery = TcSignature.sign(secret, "/v2/customMetrics?resultLimit=49&resultStart=0", "GET", ts);
        assertFailure(TC.send("GET", LIST, "TC " + id + ":" + otherQuery, ts, null), 401,
                "Signature data did not match expected result");
        String otherMethod = TcSignature.sign(secret, LIST, "POST", ts);
        assertFailure(TC.send("GET", LIST, "TC " + id + ":" + otherMethod, ts, null), 401,
                "Signature data did not match expected result");
        assertFailure(TC.send("GET", LIST, "TC " + id + ":c2lnbmF0dXJl", null, null), 401, "Missing Timestamp header");
        assertFailure(TC.signed("GET", LIST, "00000000000000000000", secret, now, null), 401, "Access Denied");
        assertFailure(TC.send("GET", LIST, null, null, null), 401, "Missing Authorization header");
        assertFailure(TC.send("GET", LIST, "Bearer abc", null, null), 401, "Access Denied");
        assertFailure(TC.send("GET", LIST, "TC-Token 0123456789012345678901234567890123456789", null, null), 401,
                "Unauthorized");
        assertFailure(TC.send("GET", LIST, "Token 0123456789012345678901234567890123456789", null, null), 401,
                "Unauthorized");
    }

    @Test
    void theApiTokenWorksAsTcTokenAndToken() throws Exception {
        assertThat(TC.send("GET", LIST, "TC-Token " + admin, null, null).status()).isEqualTo(200);
        assertThat(TC.send("GET", LIST, "Token " + admin, null, null).status()).isEqualTo(200);
    }

    @Test
    void globalRolesDecideWhoMayPostCreateAndDelete() throws Exception {
        String reader = TC.userWithGlobalRole(admin, "reader-" + RUN, 5);
        String importer = TC.userWithGlobalRole(admin, "importer-" + RUN, 1);
        String writer = TC.userWithGlobalRole(admin, "writer-" + RUN, 2);
        String nobody = TC.userWithGlobalRole(admin, "nobody-" + RUN, 0);
        String denied = "You do not have permission to perform this action.";
        String create = "{\"name\":\"%s\",\"dataType\":\"Count\",\"interval\":\"Daily\"}";
        String data = "/v2/customMetrics/" + metric + "/data";
        for (String token : new String[] {reader, nobody}) {
            assertThat(TC.token("GET", LIST, token, null).status()).isEqualTo(200);
            assertThat(TC.token("GET", "/v2/customMetrics/" + metric + "/data", token, null).status()).isEqualTo(200);
            assertFailure(TC.token("POST", data, token, "{\"value\":1}"), 403, denied);
            assertFailure(TC.token("POST", "/v2/customMetrics", token, create.formatted("x-" + RUN)), 403, denied);
            assertFailure(TC.token("DELETE", "/v2/customMetrics/" + metric, token, null), 403, denied);
        }
        assertThat(TC.token("POST", data, importer, "{\"value\":1}").status()).isEqualTo(204);
        assertFailure(TC.token("POST", "/v2/customMetrics", importer, create.formatted("i-" + RUN)), 403, denied);
        StackClient.Response byWriter = TC.token("POST", "/v2/customMetrics", writer, create.formatted("w-" + RUN));
        assertThat(byWriter.status()).isEqualTo(201);
        assertFailure(TC.token("DELETE", "/v2/customMetrics/w-" + RUN, writer, null), 403, denied);
        assertThat(TC.token("DELETE", "/v2/customMetrics/w-" + RUN, admin, null).status()).isEqualTo(200);
    }

    @Test
    void usersManageOnlyTheirOwnKeysAndAKeyCarriesItsOwnersRights() throws Exception {
        String reader = TC.userWithGlobalRole(admin, "keyreader-" + RUN, 5);
        JsonNode readerKey = newKey(reader);
        JsonNode adminKey = newKey(admin);
        assertThat(data(TC.token("GET", "/v2/accessKeys", reader, null)).toString())
                .contains(readerKey.path("accessId").asText()).doesNotContain(adminKey.path("accessId").asText());
        assertFailure(TC.token("DELETE", "/v2/accessKeys/" + adminKey.path("accessId").asText(), reader, null), 404,
                "The requested resource was not found");
        StackClient.Response asReader = TC.signedNow("POST", "/v2/customMetrics/" + metric + "/data",
                readerKey.path("accessId").asText(), readerKey.path("secretKey").asText(), "{\"value\":1}");
        assertFailure(asReader, 403, "You do not have permission to perform this action.");
    }
}
