package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricConfigValidatorTest {

    private static MetricConfig parse(String json) {
        return MetricConfigValidator.parse(TcResponses.json(json));
    }

    @Test
    void shouldAcceptTheSeedsExampleAndDefaultKeyedValuesToFalse() {
        MetricConfig config = parse("{\"name\":\"newMetric\",\"dataType\":\"Sum\",\"interval\":\"Daily\","
                + "\"keyedValues\":false,\"description\":\"Testing API Updates\"}");
        assertThat(config).isEqualTo(new MetricConfig(0, "newMetric", MetricDataType.SUM, MetricInterval.DAILY, false,
                "Testing API Updates"));
        assertThat(parse("{\"name\":\"m\",\"dataType\":\"average\",\"interval\":\"WEEKLY\"}"))
                .isEqualTo(new MetricConfig(0, "m", MetricDataType.AVERAGE, MetricInterval.WEEKLY, false, null));
    }

    @Test
    void shouldAcceptNamesOfOneTo45Characters() {
        assertThat(parse("{\"name\":\"x\",\"dataType\":\"Count\",\"interval\":\"Hourly\",\"keyedValues\":true}").name())
                .isEqualTo("x");
        String longest = "n".repeat(45);
        assertThat(parse("{\"name\":\"" + longest + "\",\"dataType\":\"Min\",\"interval\":\"Yearly\"}").name())
                .isEqualTo(longest);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "{}|name is required",
        "{\"name\":\"\",\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name is required",
        "{\"name\":\"   \",\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name is required",
        "{\"name\":null,\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name is required",
        "{\"name\":[\"a\"],\"dataType\":\"Sum\",\"interval\":\"Daily\"}|name must be a string",
        "{\"name\":\"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn\",\"dataType\":\"Sum\",\"interval\":\"Daily\"}"
                + "|name must be 1 to 45 characters long",
        "{\"name\":\"m\",\"interval\":\"Daily\"}|dataType is required",
        "{\"name\":\"m\",\"dataType\":\"Median\",\"interval\":\"Daily\"}"
                + "|Invalid dataType \"Median\": use one of Sum, Count, Min, Max, First, Last, Average",
        "{\"name\":\"m\",\"dataType\":\"Sum\"}|interval is required",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Fortnightly\"}"
                + "|Invalid interval \"Fortnightly\": use one of Hourly, Daily, Weekly, Monthly, Yearly",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"keyedValues\":\"yes\"}"
                + "|keyedValues must be true or false",
        "{\"name\":\"m\",\"dataType\":\"Sum\",\"interval\":\"Daily\",\"description\":5}|description must be a string",
        "[]|The request body must be a JSON object",
        "{\"name\":|The request body is not valid JSON",
        "' '|A JSON request body is required",
    })
    void shouldRefuseABadConfigWithTheFirstProblem(String body, String message) {
        assertFailure(() -> parse(body), 400, message);
    }
}
