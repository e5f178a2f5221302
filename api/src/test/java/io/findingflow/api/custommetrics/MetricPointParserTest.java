package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import io.findingflow.schemas.custommetrics.MetricPoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricPointParserTest {

    private static final long NOW = Instant.parse("2017-07-13T10:20:30Z").toEpochMilli();
    private static final MetricConfig PLAIN =
            new MetricConfig(11, "tasksCompleted", MetricDataType.SUM, MetricInterval.DAILY, false, null);
    private static final MetricConfig KEYED =
            new MetricConfig(7, "playbookRuns", MetricDataType.AVERAGE, MetricInterval.HOURLY, true, null);
    private static final MetricConfig COUNT =
            new MetricConfig(8, "hits", MetricDataType.COUNT, MetricInterval.WEEKLY, false, null);

    private static MetricPointParser.Parsed parse(String json, MetricConfig metric) {
        return MetricPointParser.parse(TcResponses.json(json), metric, NOW);
    }

    @Test
    void shouldReadTheSeedsNonKeyedExampleWithAStringValue() {
        MetricPointParser.Parsed parsed = parse("{\"value\": \"2\", \"date\": \"2018-01-19T14:44:00Z\"}", PLAIN);
        assertThat(parsed.batch()).isFalse();
        assertThat(parsed.points()).containsExactly(new MetricPoint(11, "Sum", "Daily", "", 2, 1,
                Instant.parse("2018-01-19T14:44:00Z").toEpochMilli()));
    }

    @Test
    void shouldReadTheSeedsKeyedExampleAndDefaultTheDateToNow() {
        assertThat(parse("{\"name\": \"app1\", \"value\": \"1\"}", KEYED).points())
                .containsExactly(new MetricPoint(7, "Average", "Hourly", "app1", 1, 1, NOW));
    }

    @Test
    void shouldReadWeightsAndNumbersInEitherForm() {
        assertThat(parse("{\"name\":\"a\",\"value\":2.5,\"weight\":\"3\"}", KEYED).points().get(0))
                .isEqualTo(new MetricPoint(7, "Average", "Hourly", "a", 2.5, 3, NOW));
        assertThat(parse("{\"name\":\"a\",\"value\":\"-1e3\",\"weight\":0.5}", KEYED).points().get(0).value())
                .isEqualTo(-1000);
    }

    @Test
    void shouldLetACountGoWithoutAValue() {
        assertThat(parse("{}", COUNT).points()).containsExactly(new MetricPoint(8, "Count", "Weekly", "", 0, 1, NOW));
    }

    @Test
    void shouldReadAnArrayOfPointsInOrder() {
        MetricPointParser.Parsed parsed = parse("[{\"value\":1},{\"value\":\"2\",\"date\":\"2018-01-01\"}]", PLAIN);
        assertThat(parsed.batch()).isTrue();
        assertThat(parsed.points()).extracting(MetricPoint::value).containsExactly(1d, 2d);
        assertThat(parsed.points().get(1).date()).isEqualTo(Instant.parse("2018-01-01T00:00:00Z").toEpochMilli());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{}|value is required",
        "{\"value\":null}|value is required",
        "{\"value\":\"two\"}|Invalid value \"two\": use a number",
        "{\"value\":\"NaN\"}|Invalid value \"NaN\": use a number",
        "{\"value\":\"1e999\"}|Invalid value \"1e999\": use a number",
        "{\"value\":true}|Invalid value \"true\": use a number",
        "{\"value\":[1]}|Invalid value \"[1]\": use a number",
        "{\"value\":1,\"weight\":0}|Invalid weight \"0\": use a number above 0",
        "{\"value\":1,\"weight\":\"-2\"}|Invalid weight \"-2\": use a number above 0",
        "{\"value\":1,\"weight\":\"heavy\"}|Invalid weight \"heavy\": use a number",
        "{\"value\":1,\"date\":\"2023-02-29T00:00:00Z\"}"
                + "|Invalid date \"2023-02-29T00:00:00Z\": use an ISO 8601 date between 1971 and 2100, e.g. 2018-10-19T14:44:00Z",
        "{\"value\":1,\"date\":1500000000}"
                + "|Invalid date \"1500000000\": use an ISO 8601 date between 1971 and 2100, e.g. 2018-10-19T14:44:00Z",
        "{\"value\":1,\"name\":\"app1\"}|The metric \"tasksCompleted\" is not keyed: leave out name",
        "[]|The array holds no data points",
        "[{\"value\":1},{\"value\":\"x\"}]|points[1]: Invalid value \"x\": use a number",
        "[{\"value\":1},5]|points[1]: a data point must be a JSON object",
        "\"5\"|The body must be a data point (a JSON object) or an array of them",
    })
    void shouldRefuseABadPointOfANonKeyedMetric(String body, String message) {
        assertFailure(() -> parse(body, PLAIN), 400, message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"value\":1}|name (the key) is required for the keyed metric \"playbookRuns\"",
        "{\"value\":1,\"name\":\"  \"}|name (the key) is required for the keyed metric \"playbookRuns\"",
        "{\"value\":1,\"name\":{\"a\":1}}|name (the key) is required for the keyed metric \"playbookRuns\"",
        "[{\"name\":\"a\",\"value\":1},{\"value\":2}]|points[1]: name (the key) is required for the keyed metric \"playbookRuns\"",
    })
    void shouldRequireTheKeyOfAKeyedMetric(String body, String message) {
        assertFailure(() -> parse(body, KEYED), 400, message);
    }
}
