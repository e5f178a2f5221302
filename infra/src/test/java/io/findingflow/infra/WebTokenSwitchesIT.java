package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.testing.StackClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DD_API_TOKENS_ENABLED and DD_API_TOKEN_AUTH_ENDPOINT_ENABLED, each on a second API process. */
class WebTokenSwitchesIT {

    private static final StackClient STACK = StackClient.fromEnv();
    private static final String PASSWORD = "Web-switches-pw-1";
    private static final String NOT_FOUND = "{\"detail\":\"Not found.\"}";

    @Test
    void withTokensDisabledTokensAreRefusedAndSessionsStillWork() throws Exception {
        String user = WebSessionClient.createSuperuser(STACK, "web-notok", PASSWORD);
        String token = tokenOf(STACK, user, PASSWORD);
        try (SecondApiProcess second = SecondApiProcess.start(Map.of("DD_API_TOKENS_ENABLED", "False"))) {
            StackClient api = second.client();
            StackClient.Response refused = api.get("/api/v2/user_profile/", token);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
            StackClient.Response tokenAuth = api.postJson("/api/v2/api-token-auth/", null,
                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(tokenAuth.status()).isEqualTo(404);
            assertThat(tokenAuth.body()).isEqualTo(NOT_FOUND);
            StackClient.Response threatConnect = api.get("/v2/customMetrics", token);
            assertThat(threatConnect.status()).isEqualTo(401);
            assertThat(threatConnect.body()).isEqualTo("{\"status\":\"Failure\",\"message\":\"Unauthorized\"}");

            WebSessionClient web = new WebSessionClient(api.baseUrl());
            assertThat(web.logIn(user, PASSWORD, "/api/key-v2").status()).isEqualTo(302);
            StackClient.Response profile = web.send("GET", "/api/v2/user_profile/",
                    Map.of("Authorization", "Token " + token), null, null);
            assertThat(profile.status()).as("the session counts, the token header does not").isEqualTo(200);
            assertThat(profile.json().path("user").path("username").asText()).isEqualTo(user);
            StackClient.Response keyPage = web.get("/api/key-v2");
            assertThat(keyPage.body()).contains("<body data-tokens=\"disabled\">", "<code id=\"token\"></code>");
            StackClient.Response regenerate = web.postForm("/api/key-v2",
                    Map.of("csrfmiddlewaretoken", web.cookie("csrftoken")));
            assertThat(regenerate.status()).isEqualTo(404);
            assertThat(regenerate.body()).isEqualTo(NOT_FOUND);
        }
        assertThat(STACK.get("/api/v2/user_profile/", token).status()).as("the main process keeps tokens").isEqualTo(200);
    }

    @Test
    void withTheTokenAuthEndpointDisabledOnlyThatEndpointIsGone() throws Exception {
        String user = WebSessionClient.createSuperuser(STACK, "web-noauth", PASSWORD);
        String token = tokenOf(STACK, user, PASSWORD);
        try (SecondApiProcess second = SecondApiProcess.start(Map.of("DD_API_TOKEN_AUTH_ENDPOINT_ENABLED", "False",
                "DD_SESSION_COOKIE_AGE", "3600"))) {
            StackClient api = second.client();
            StackClient.Response tokenAuth = api.postJson("/api/v2/api-token-auth/", null,
                    "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}");
            assertThat(tokenAuth.status()).isEqualTo(404);
            assertThat(tokenAuth.body()).isEqualTo(NOT_FOUND);
            assertThat(api.get("/api/v2/user_profile/", token).status()).isEqualTo(200);
            WebSessionClient web = new WebSessionClient(api.baseUrl());
            long before = java.time.Instant.now().getEpochSecond();
            StackClient.Response login = web.logIn(user, PASSWORD, "/api/key-v2");
            assertThat(login.status()).isEqualTo(302);
            assertThat(web.get("/api/key-v2").body()).contains("<code id=\"token\">" + token + "</code>");
            // DD_SESSION_COOKIE_AGE: the cookie's Max-Age and the expiry signed into it
            assertThat(WebSessionClient.setCookies(login)).anySatisfy(c -> assertThat(c)
                    .startsWith("sessionid=").contains("; Max-Age=3600;"));
            String payload = new String(java.util.Base64.getUrlDecoder().decode(
                    web.cookie("sessionid").split("\\.")[0]), java.nio.charset.StandardCharsets.UTF_8);
            long expiry = Long.parseLong(payload.split(":")[2]);
            assertThat(expiry).isBetween(before + 3600, java.time.Instant.now().getEpochSecond() + 3600);
        }
    }

    static String tokenOf(StackClient stack, String user, String password) throws Exception {
        StackClient.Response response = stack.postJson("/api/v2/api-token-auth/", null,
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("token").asText();
    }
}
