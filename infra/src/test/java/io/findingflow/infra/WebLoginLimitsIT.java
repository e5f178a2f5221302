package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.testing.StackClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Brute-force limits on the login form and api-token-auth, on a second API process with small
 * limits (the counters are per process, so the shared stack's process is not locked for other tests).
 */
class WebLoginLimitsIT {

    private static final String TOO_MANY = "{\"detail\":\"Too many failed login attempts. Try again later.\"}";

    @Test
    void failuresPerUsernameAndPerIpEndIn429() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (SecondApiProcess second = SecondApiProcess.start(Map.of("FF_LOGIN_FAILURES_PER_USER", "3",
                "FF_LOGIN_FAILURES_PER_IP", "8", "FF_LOGIN_FAILURE_WINDOW_SECONDS", "3600"))) {
            StackClient api = second.client();
            String admin = StackClient.env("FF_TEST_ADMIN_USER", "admin");
            String adminPassword = StackClient.env("FF_TEST_ADMIN_PASSWORD", "admin");
            // per username, on api-token-auth: three failures, then 429 even with another IP's budget left
            String apiUser = "limit-api-" + run;
            for (int i = 0; i < 3; i++) {
                StackClient.Response failed = tokenAuth(api, apiUser, "wrong-" + i);
                assertThat(failed.status()).isEqualTo(400);
                assertThat(failed.body()).isEqualTo("{\"non_field_errors\":[\"Unable to log in with provided credentials.\"]}");
            }
            StackClient.Response blocked = tokenAuth(api, apiUser.toUpperCase(), "wrong-again");
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.body()).isEqualTo(TOO_MANY);
            assertThat(blocked.header("Retry-After")).isEqualTo("3600");
            assertThat(tokenAuth(api, admin, adminPassword).status()).as("another user is not blocked").isEqualTo(200);

            // per username, on the login form
            String formUser = "limit-form-" + run;
            WebSessionClient web = new WebSessionClient(api.baseUrl());
            for (int i = 0; i < 3; i++) {
                StackClient.Response failed = web.logIn(formUser, "wrong-" + i, "/metrics/simple");
                assertThat(failed.status()).isEqualTo(200);
                assertThat(failed.body()).contains("Unable to log in with provided credentials.");
            }
            StackClient.Response formBlocked = web.logIn(formUser, "wrong-again", "/metrics/simple");
            assertThat(formBlocked.status()).isEqualTo(429);
            assertThat(formBlocked.body()).isEqualTo(TOO_MANY);

            // per IP: 6 failures so far; two more under fresh usernames use up the IP's 8
            for (int i = 0; i < 2; i++) {
                assertThat(tokenAuth(api, "limit-ip-" + i + "-" + run, "wrong").status()).isEqualTo(400);
            }
            StackClient.Response ipBlocked = tokenAuth(api, admin, adminPassword);
            assertThat(ipBlocked.status()).isEqualTo(429);
            assertThat(ipBlocked.body()).isEqualTo(TOO_MANY);
            StackClient.Response formIpBlocked = new WebSessionClient(api.baseUrl()).logIn(admin, adminPassword, "/");
            assertThat(formIpBlocked.status()).isEqualTo(429);
            assertThat(formIpBlocked.body()).isEqualTo(TOO_MANY);
        }
    }

    private static StackClient.Response tokenAuth(StackClient api, String username, String password) throws Exception {
        return api.postJson("/api/v2/api-token-auth/", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }
}
