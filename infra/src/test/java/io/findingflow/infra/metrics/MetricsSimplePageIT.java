package io.findingflow.infra.metrics;

import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.STACK;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.row;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.infra.browser.HeadlessChromium;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.testing.StackClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The /metrics/simple page in headless Chromium: log in through its form, pick a month, read the
 * rendered table and chart, and compare them with GET /api/v2/metrics/simple/ for that month.
 */
class MetricsSimplePageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> FIELDS = List.of("Total", "critical", "high", "medium", "low", "info",
            "Opened", "Closed");
    /** The table's rows and the chart's bars as the browser renders them. */
    private static final String READ_PAGE = """
            JSON.stringify([...document.querySelectorAll('#rows tr[data-product-type-id]')].map(tr => {
              const row = { product_type_id: Number(tr.dataset.productTypeId),
                            product_type_name: tr.querySelector('th').textContent };
              for (const td of tr.querySelectorAll('td[data-field]')) row[td.dataset.field] = Number(td.textContent);
              const g = document.querySelector('#chart g[data-product-type-id="' + tr.dataset.productTypeId + '"]');
              row.chart = Object.fromEntries([...g.querySelectorAll('rect[data-field]')]
                  .map(r => [r.dataset.field, Number(r.dataset.value)]));
              return row;
            }))""";

    @Test
    void thePageShowsTheApisNumbersForThePickedMonth() throws Exception {
        MetricsSimpleTestSupport support = new MetricsSimpleTestSupport();
        String run = MetricsSimpleTestSupport.runId();
        String typeName = "MS Page " + run;
        // 7 verified findings dated 2002-05-10 (2 critical, 2 high, 1 medium, 1 low, 1 info); the
        // reimport of 2002-05-20 closes one critical
        JsonNode imported = support.importScan(typeName, "MS Page P " + run, "CI", "2002-05-10", true, 0, 7);
        long type = imported.path("product_type_id").asLong();
        support.reimport(imported.path("test").asLong(), "2002-05-20", true, 1, 7);

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.navigate(STACK.baseUrl() + "/metrics/simple");
            browser.await("document.readyState === 'complete' && !document.getElementById('login').hidden", WAIT);

            logIn(browser, "admin-typo-" + run, "wrong");
            browser.await("document.getElementById('status').dataset.state === 'error'", WAIT);
            assertThat(text(browser, "status")).isEqualTo("Unable to log in with provided credentials.");

            logIn(browser, StackClient.env("FF_TEST_ADMIN_USER", "admin"),
                    StackClient.env("FF_TEST_ADMIN_PASSWORD", "admin"));
            browser.await("document.getElementById('status').dataset.state === 'ready'", WAIT);
            // logged in through the web login page (issue 9): the page reads the API with the session cookie
            assertThat(browser.evaluate("location.pathname").asText()).isEqualTo("/metrics/simple");

            pick(browser, "month", "2002-05");
            browser.await("document.body.dataset.month === '2002-05'"
                    + " && document.getElementById('status').dataset.state === 'ready'", WAIT);
            ArrayNode shown = (ArrayNode) Json.mapper().readTree(browser.evaluate(READ_PAGE).asText());
            JsonNode api = support.metrics("?date=2002-05-01").json();
            assertSame(shown, api);
            assertThat(shown.findParents("product_type_id").stream()
                    .filter(r -> r.path("product_type_id").asLong() == type)
                    .map(r -> FIELDS.stream().map(f -> r.path(f).asLong()).toList()).toList())
                    .as("the table row of this test's product type")
                    .containsExactly(List.of(7L, 2L, 2L, 1L, 1L, 1L, 7L, 1L));
            ObjectNode mine = row(type, typeName, 2, 2, 1, 1, 1, 1);
            assertThat(api.findParents("product_type_id").stream()
                    .filter(r -> r.path("product_type_id").asLong() == type).map(JsonNode::toString).toList())
                    .containsExactly(mine.toString());
            assertThat(text(browser, "caption")).isEqualTo("Findings by product type, 2002-05");

            pick(browser, "product-type", String.valueOf(type));
            browser.await("document.body.dataset.productTypeId === '" + type + "'"
                    + " && document.getElementById('status').dataset.state === 'ready'", WAIT);
            ArrayNode one = (ArrayNode) Json.mapper().readTree(browser.evaluate(READ_PAGE).asText());
            assertSame(one, support.metrics("?date=2002-05-01&product_type_id=" + type).json());
            assertThat(one).hasSize(1);

            pick(browser, "month", "2002-06");
            browser.await("document.body.dataset.month === '2002-06'"
                    + " && document.getElementById('status').dataset.state === 'ready'", WAIT);
            assertSame((ArrayNode) Json.mapper().readTree(browser.evaluate(READ_PAGE).asText()),
                    support.metrics("?date=2002-06-01&product_type_id=" + type).json());

            browser.evaluate("document.getElementById('logout').click()");
            browser.await("!document.getElementById('login').hidden", WAIT);
            assertThat(browser.evaluate("sessionStorage.getItem('findingflow.apiToken')").isNull()).isTrue();
            assertThat(browser.console()).as("no script errors").noneMatch(line -> line.contains("exceptionDetails"));
        }
    }

    /** Every row the API returned, in its order, with the same numbers in the table and the chart. */
    private static void assertSame(ArrayNode shown, JsonNode api) {
        assertThat(shown).hasSize(api.size());
        for (int i = 0; i < api.size(); i++) {
            JsonNode expected = api.get(i);
            JsonNode row = shown.get(i);
            assertThat(row.path("product_type_id").asLong()).isEqualTo(expected.path("product_type_id").asLong());
            assertThat(row.path("product_type_name").asText()).isEqualTo(expected.path("product_type_name").asText());
            for (String field : FIELDS) {
                assertThat(row.path(field).asLong()).as("%s of %s", field, expected).isEqualTo(expected.path(field).asLong());
                if (!field.equals("Total")) {
                    assertThat(row.path("chart").path(field).asLong()).as("chart %s of %s", field, expected)
                            .isEqualTo(expected.path(field).asLong());
                }
            }
        }
    }

    private static void logIn(HeadlessChromium browser, String username, String password) {
        browser.evaluate("document.getElementById('username').value = '';"
                + " document.getElementById('password').value = ''");
        browser.type("#username", username);
        browser.type("#password", password);
        browser.evaluate("document.querySelector('#login button[type=submit]').click()");
    }

    /** Sets a form control as a user's pick would, firing its change event. */
    private static void pick(HeadlessChromium browser, String id, String value) {
        browser.evaluate("(() => { const el = document.getElementById('" + id + "'); el.value = '" + value + "';"
                + " el.dispatchEvent(new Event('change', { bubbles: true })); })()");
    }

    private static String text(HeadlessChromium browser, String id) {
        return browser.evaluate("document.getElementById('" + id + "').textContent").asText();
    }
}
