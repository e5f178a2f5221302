package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultPageTest {

    @Test
    void shouldDefaultTo100FromTheStartAndSlice() {
        assertThat(ResultPage.of(null, null)).isEqualTo(new ResultPage(0, 100));
        assertThat(ResultPage.of("0", "50")).isEqualTo(new ResultPage(0, 50));
        assertThat(ResultPage.of("2", "10000").slice(List.of(1, 2, 3, 4))).containsExactly(3, 4);
        assertThat(ResultPage.of("4", "1").slice(List.of(1, 2, 3, 4))).isEmpty();
        assertThat(ResultPage.of("1", "2").slice(List.of(1, 2, 3, 4))).containsExactly(2, 3);
    }

    @ParameterizedTest
    @CsvSource({
        "-1, 5,     'Invalid resultStart \"-1\": use a whole number of at least 0'",
        "x,  5,     'Invalid resultStart \"x\": use a whole number of at least 0'",
        "99999999999, 5, 'Invalid resultStart \"99999999999\": use a whole number of at least 0'",
        "0,  0,     'Invalid resultLimit \"0\": use a whole number from 1 to 10000'",
        "0,  10001, 'Invalid resultLimit \"10001\": use a whole number from 1 to 10000'",
        "0,  1.5,   'Invalid resultLimit \"1.5\": use a whole number from 1 to 10000'",
    })
    void shouldRefuseBadPaging(String start, String limit, String message) {
        assertFailure(() -> ResultPage.of(start, limit), 400, message);
    }
}
