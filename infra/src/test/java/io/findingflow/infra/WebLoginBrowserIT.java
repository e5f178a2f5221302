package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.infra.browser.HeadlessChromium;
import io.findingflow.schemas.testing.StackClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's acceptance in headless Chromium: /metrics/simple anonymous → login page → log in → the
 * page shows the API's numbers from the session; /api/key-v2 regenerates the token and the old one
 * is refused by a second API process.
 */
class WebLoginBrowserIT {

    private static final StackClient STACK = StackClient.fromEnv();
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PASSWORD = "Web-browser-pw-1";

    @Test
    void logInThroughTheBrowserThenRegenerateTheTokenForEveryProcess() throws Exception {
        String user = WebSessionClient.createSuperuser(STACK, "web-browser", PASSWORD);
        String oldToken = WebTokenSwitchesIT.tokenOf(STACK, user, PASSWORD);
        try (HeadlessChromium browser = HeadlessChromium.start();
                SecondApiProcess second = SecondApiProcess.start()) {
            browser.navigate(STACK.baseUrl() + "/metrics/simple");
            await(browser, "location.pathname === '/login' && document.readyState === 'complete'"
                    + " && !!document.getElementById('username')");
            assertThat(browser.evaluate("location.search").asText()).isEqualTo("?next=%2Fmetrics%2Fsimple");
            browser.type("#username", user);
            browser.type("#password", PASSWORD);
            browser.evaluate("document.getElementById('submit').click()");
            await(browser, "location.pathname === '/metrics/simple' && document.readyState === 'complete'"
                    + " && document.getElementById('status').dataset.state === 'ready'");
            String month = browser.evaluate("document.body.dataset.month").asText();
            assertThat(month).matches("\\d{4}-\\d{2}");
            // the page's numbers are the API's for that month (re-read while other tests' imports may still land)
            String shown = "";
            String expected = "-";
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                shown = browser.evaluate("document.querySelectorAll('#rows tr[data-product-type-id]').length + ':' + "
                        + "[...document.querySelectorAll('#totals td[data-field]')]"
                        + ".map(td => td.dataset.field + '=' + td.textContent).join(',')").asText();
                JsonNode api = STACK.get("/api/v2/metrics/simple/?date=" + month + "-01", oldToken).json();
                expected = api.size() + ":" + totals(api);
                if (shown.equals(expected)) {
                    break;
                }
                browser.evaluate("document.getElementById('status').dataset.state = 'reloading';"
                        + " document.getElementById('month').dispatchEvent(new Event('change', { bubbles: true }))");
                await(browser, "document.getElementById('status').dataset.state === 'ready'");
            }
            assertThat(shown).isEqualTo(expected);

            browser.navigate(STACK.baseUrl() + "/api/key-v2");
            await(browser, "location.pathname === '/api/key-v2' && !!document.getElementById('token')");
            assertThat(text(browser, "token")).isEqualTo(oldToken);
            browser.evaluate("document.getElementById('regenerate').click()");
            await(browser, "!!document.getElementById('token') && /^[0-9a-f]{40}$/.test("
                    + "document.getElementById('token').textContent) && document.getElementById('token').textContent !== '"
                    + oldToken + "'");
            String newToken = text(browser, "token");

            StackClient other = second.client();
            StackClient.Response refused = awaitStatus(other, oldToken, 403);
            assertThat(refused.body()).isEqualTo("{\"detail\":\"Invalid token.\"}");
            assertThat(other.get("/api/v2/user_profile/", newToken).status()).isEqualTo(200);
            assertThat(STACK.get("/api/v2/user_profile/", oldToken).status()).isEqualTo(403);
            assertThat(browser.console()).as("no script errors").noneMatch(line -> line.contains("exceptionDetails"));

            // the browser's session (signed cookie) is good on the second process too, until logout
            String cookie = browser.evaluate("document.cookie").asText();
            assertThat(cookie).as("the session cookie is HttpOnly").doesNotContain("sessionid=").contains("csrftoken=");
            browser.evaluate("document.getElementById('logout').click()");
            await(browser, "location.pathname === '/login' && !!document.getElementById('username')");
            browser.navigate(STACK.baseUrl() + "/api/key-v2");
            await(browser, "location.pathname === '/login' && location.search === '?next=%2Fapi%2Fkey-v2'");
        }
    }

    private static String totals(JsonNode rows) {
        StringBuilder out = new StringBuilder();
        for (String field : new String[] {"Total", "critical", "high", "medium", "low", "info", "Opened", "Closed"}) {
            long sum = 0;
            for (JsonNode row : rows) {
                sum += row.path(field).asLong();
            }
            out.append(out.length() == 0 ? "" : ",").append(field).append('=').append(sum);
        }
        return out.toString();
    }

    /** The second process applies the entities log in the background: the old token goes within the wait. */
    private static StackClient.Response awaitStatus(StackClient api, String token, int status) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            StackClient.Response response = api.get("/api/v2/user_profile/", token);
            if (response.status() == status || System.nanoTime() > deadline) {
                assertThat(response.status()).as(response.body()).isEqualTo(status);
                return response;
            }
            Thread.sleep(100);
        }
    }

    /** Like HeadlessChromium.await, but tolerant of the page navigating away while it is evaluated. */
    private static void await(HeadlessChromium browser, String condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                if (browser.evaluate("Boolean(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException navigating) {
                // "Execution context was destroyed" while the next page loads
            }
            if (System.nanoTime() > deadline) {
                String where;
                try {
                    where = browser.evaluate("location.href + ' ' + document.body.innerText.slice(0, 500)").asText();
                } catch (IllegalStateException e) {
                    where = e.getMessage();
                }
                throw new AssertionError("page condition not met: " + condition + "\npage: " + where
                        + "\nconsole: " + browser.console());
            }
            Thread.sleep(50);
        }
    }

    private static String text(HeadlessChromium browser, String id) {
        return browser.evaluate("document.getElementById('" + id + "').textContent").asText();
    }
}
