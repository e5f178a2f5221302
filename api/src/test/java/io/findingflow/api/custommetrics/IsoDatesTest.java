package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDatesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
        "2018-10-19T14:44:00Z,          2018-10-19T14:44:00Z",
        "2018-10-19T14:44:00.250Z,      2018-10-19T14:44:00.250Z",
        "2018-10-19T16:44:00+02:00,     2018-10-19T14:44:00Z",
        "2018-10-19T09:44:00-0500,      2018-10-19T14:44:00Z",
        "2018-10-19T14:44:00,           2018-10-19T14:44:00Z",
        "2018-10-19T14:44,              2018-10-19T14:44:00Z",
        "2018-10-19,                    2018-10-19T00:00:00Z",
        "2024-02-29T23:59:59Z,          2024-02-29T23:59:59Z",
        "1971-01-01T00:00:00Z,          1971-01-01T00:00:00Z",
        "2100-12-31T23:59:59Z,          2100-12-31T23:59:59Z",
    })
    void shouldReadIsoDates(String text, String instant) {
        assertThat(IsoDates.parse(text)).hasValue(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2023-02-29", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "yesterday", "",
        "1700000000", "2024-03-01 10:00:00", "1970-12-31T23:59:59Z", "2101-01-01T00:00:00Z", "2024-03-01T25:00:00Z"})
    void shouldRefuseWhatIsNoDateInRange(String text) {
        assertThat(IsoDates.parse(text)).isEmpty();
    }
}
