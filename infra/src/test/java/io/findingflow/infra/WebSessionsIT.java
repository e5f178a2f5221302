package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.testing.StackClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Web login, session-authenticated API calls, CSRF refusals and logout over plain HTTP (issue 9). */
class WebSessionsIT {

    private static final StackClient STACK = StackClient.fromEnv();
    private static final String PASSWORD = "Web-sessions-pw-1";
    private static final String MISSING = "{\"detail\":\"CSRF Failed: CSRF token missing.\"}";
    private static final String INCORRECT = "{\"detail\":\"CSRF Failed: CSRF token incorrect.\"}";
    private static final String NOT_AUTHENTICATED = "{\"detail\":\"Authentication credentials were not provided.\"}";

    @Test
    void anonymousPagesSendVisitorsToTheLoginPageAndBack() throws Exception {
        WebSessionClient web = new WebSessionClient(STACK.baseUrl());
        StackClient.Response page = web.get("/metrics/simple?date=2024-01-01");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/login?next=%2Fmetrics%2Fsimple%3Fdate%3D2024-01-01");
        assertThat(web.get("/api/key-v2").header("Location")).isEqualTo("/login?next=%2Fapi%2Fkey-v2");

        String user = WebSessionClient.createSuperuser(STACK, "web-sess", PASSWORD);
        StackClient.Response wrong = web.logIn(user, "not-the-password", "/metrics/simple?date=2024-01-01");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("data-state=\"error\">Unable to log in with provided credentials.</p>");
        assertThat(web.cookie("sessionid")).isNull();

        StackClient.Response ok = web.logIn(user, PASSWORD, "/metrics/simple?date=2024-01-01");
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).isEqualTo("/metrics/simple?date=2024-01-01");
        assertThat(WebSessionClient.setCookies(ok)).anySatisfy(c -> assertThat(c)
                .startsWith("sessionid=").contains("; Path=/", "; Max-Age=", "; HttpOnly", "; SameSite=Lax"));
        assertThat(WebSessionClient.setCookies(ok)).anySatisfy(c -> assertThat(c)
                .startsWith("csrftoken=").contains("; SameSite=Strict").doesNotContain("HttpOnly"));
        assertThat(web.get("/metrics/simple").status()).isEqualTo(200);
        assertThat(web.get("/login?next=/api/key-v2").header("Location")).as("already logged in").isEqualTo("/api/key-v2");
        StackClient.Response profile = web.get("/api/v2/user_profile/");
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("user").path("username").asText()).isEqualTo(user);
        // an open redirect is refused
        assertThat(new WebSessionClient(STACK.baseUrl()).logIn(user, PASSWORD, "//evil.example/").header("Location"))
                .isEqualTo("/metrics/simple");
    }

    @Test
    void sessionAuthenticatedChangesNeedTheCsrfTokenTokenAuthenticatedOnesDoNot() throws Exception {
        String user = WebSessionClient.createSuperuser(STACK, "web-csrf", PASSWORD);
        WebSessionClient web = new WebSessionClient(STACK.baseUrl());
        StackClient.Response loginPage = web.get("/login");
        assertThat(web.postForm("/login", Map.of("username", user, "password", PASSWORD)).body())
                .as("the login form itself").isEqualTo(MISSING);
        assertThat(web.postForm("/login", Map.of("username", user, "password", PASSWORD,
                "csrfmiddlewaretoken", "0".repeat(48))).body()).isEqualTo(INCORRECT);
        assertThat(WebSessionClient.csrfField(loginPage.body())).hasSize(48);
        assertThat(web.logIn(user, PASSWORD, "/api/key-v2").status()).isEqualTo(302);
        String csrf = web.cookie("csrftoken");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"Web CSRF " + run + "\"}";

        StackClient.Response missing = web.send("POST", "/api/v2/product_types/", Map.of(), "application/json", body);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(missing.body()).isEqualTo(MISSING);
        StackClient.Response incorrect = web.send("POST", "/api/v2/product_types/",
                Map.of("X-CSRFToken", "f".repeat(64)), "application/json", body);
        assertThat(incorrect.status()).isEqualTo(403);
        assertThat(incorrect.body()).isEqualTo(INCORRECT);
        StackClient.Response created = web.send("POST", "/api/v2/product_types/", Map.of("X-CSRFToken", csrf),
                "application/json", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        StackClient.Response deleteMissing = web.send("DELETE", "/api/v2/product_types/" + id + "/", Map.of(), null, null);
        assertThat(deleteMissing.status()).isEqualTo(403);
        assertThat(deleteMissing.body()).isEqualTo(MISSING);
        // the same user's token needs no CSRF token
        String token = STACK.send("POST", "/api/v2/api-token-auth/", null, "application/json",
                ("{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}").getBytes()).json().path("token").asText();
        assertThat(STACK.send("DELETE", "/api/v2/product_types/" + id + "/", token, null, null).status()).isEqualTo(204);

        assertThat(web.postForm("/api/key-v2", Map.of()).body()).isEqualTo(MISSING);
        assertThat(web.postForm("/logout", Map.of("csrfmiddlewaretoken", "bad")).body()).isEqualTo(INCORRECT);
        String oldSession = web.cookie("sessionid");
        StackClient.Response logout = web.postForm("/logout", Map.of("csrfmiddlewaretoken", csrf));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).isEqualTo("/login");
        assertThat(web.cookie("sessionid")).isNull();
        // the old cookie died with the session generation, not only in this client
        StackClient.Response replayed = new WebSessionClient(STACK.baseUrl())
                .send("GET", "/api/v2/user_profile/", Map.of("Cookie", "sessionid=" + oldSession), null, null);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(replayed.body()).isEqualTo(NOT_AUTHENTICATED);
        assertThat(STACK.get("/api/v2/user_profile/", token).status()).as("the token outlives the session").isEqualTo(200);
    }
}
