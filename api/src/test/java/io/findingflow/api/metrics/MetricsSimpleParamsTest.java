package io.findingflow.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.api.http.ApiException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics/simple's parameters read as DefectDojo's view reads them, errors in its order. */
class MetricsSimpleParamsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 2, 28);

    private static void assertError(String date, int status, String message) {
        assertThatThrownBy(() -> MetricsSimpleParams.month(date, TODAY))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.body()).isEqualTo(Map.of("error", message));
                });
    }

    @Test
    void dateAbsentOrEmptyMeansTheCurrentMonth() {
        assertThat(MetricsSimpleParams.month(null, TODAY)).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(MetricsSimpleParams.month("", TODAY)).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void aDateSelectsItsMonthAndStrptimeAcceptsOneDigitMonthsAndDays() {
        assertThat(MetricsSimpleParams.month("2024-01-15", TODAY)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(MetricsSimpleParams.month("2024-1-5", TODAY)).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(MetricsSimpleParams.month("2024-12-31", TODAY)).isEqualTo(LocalDate.of(2024, 12, 1));
        assertThat(MetricsSimpleParams.month("2000-01-01", TODAY)).isEqualTo(LocalDate.of(2000, 1, 1));
    }

    @Test
    void lengthIsCheckedBeforeCharactersAndCharactersBeforeFormat() {
        assertError("2024-01-15aaaaaaaaaaa", 400, "Invalid date parameter length.");
        assertError("123456789012345678901", 400, "Invalid date parameter length.");
        assertError("2024/01/15", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("2024-01-15T00:00", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError(" 2024-01-15", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("invalid-date", 400, "Invalid date format. Only numbers and hyphens allowed.");
        assertError("2024-13-01", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("2024-02-30", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("2023-02-29", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("20240115", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("2024-01-15-", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("0000-01-01", 400, "Invalid date format. Use YYYY-MM-DD format.");
        assertError("-", 400, "Invalid date format. Use YYYY-MM-DD format.");
        // Python's "$" matches before a final newline, so only strptime rejects it
        assertError("2024-01-15\n", 400, "Invalid date format. Use YYYY-MM-DD format.");
    }

    @Test
    void datesOutsideTwoThousandToOneYearAheadAreRejected() {
        assertError("1999-12-31", 400, "Date must be between 2000-01-01 and one year from now.");
        assertError("0001-01-01", 400, "Date must be between 2000-01-01 and one year from now.");
        assertThat(MetricsSimpleParams.month("2026-02-28", TODAY)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertError("2026-03-01", 400, "Date must be between 2000-01-01 and one year from now.");
        assertError("9999-12-31", 400, "Date must be between 2000-01-01 and one year from now.");
    }

    @Test
    void productTypeIdIsReadLikePythonsInt() {
        assertThat(MetricsSimpleParams.productTypeId(null)).isNull();
        assertThat(MetricsSimpleParams.productTypeId("")).isNull();
        assertThat(MetricsSimpleParams.productTypeId("12")).isEqualTo(12L);
        assertThat(MetricsSimpleParams.productTypeId(" 12\t")).isEqualTo(12L);
        assertThat(MetricsSimpleParams.productTypeId("+12")).isEqualTo(12L);
        assertThat(MetricsSimpleParams.productTypeId("-3")).isEqualTo(-3L);
        assertThat(MetricsSimpleParams.productTypeId("1_000")).isEqualTo(1000L);
        assertThat(MetricsSimpleParams.productTypeId("007")).isEqualTo(7L);
        assertThat(MetricsSimpleParams.productTypeId("\u0663")).isEqualTo(3L);
        assertThat(MetricsSimpleParams.productTypeId("99999999999999999999999"))
                .isEqualTo(MetricsSimpleParams.NO_SUCH_ID);
    }

    @Test
    void productTypeIdThatIsNoIntegerIsA400() {
        for (String bad : new String[] {" ", "abc", "1.0", "1e3", "0x10", "_1", "1_", "1__0", "+", "--1", "1 2", "١a"}) {
            assertThatThrownBy(() -> MetricsSimpleParams.productTypeId(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.body()).isEqualTo(Map.of("error", "Invalid product_type_id format."));
                    });
        }
    }
}
