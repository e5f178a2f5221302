package io.findingflow.schemas.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricIntervalTest {

    private static long bucket(MetricInterval interval, String instant) {
        return interval.bucketStart(Instant.parse(instant).toEpochMilli());
    }

    private static long seconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        // the first instant of a bucket, the last millisecond and the last second of it, the next one
        "HOURLY,  2024-03-10T13:00:00Z,     2024-03-10T13:00:00Z",
        "HOURLY,  2024-03-10T13:59:59Z,     2024-03-10T13:00:00Z",
        "HOURLY,  2024-03-10T13:59:59.999Z, 2024-03-10T13:00:00Z",
        "HOURLY,  2024-03-10T14:00:00Z,     2024-03-10T14:00:00Z",
        "HOURLY,  2024-02-29T23:59:59Z,     2024-02-29T23:00:00Z",
        "DAILY,   2024-03-10T00:00:00Z,     2024-03-10T00:00:00Z",
        "DAILY,   2024-03-10T23:59:59Z,     2024-03-10T00:00:00Z",
        "DAILY,   2024-03-11T00:00:00Z,     2024-03-11T00:00:00Z",
        "DAILY,   2024-02-29T12:00:00Z,     2024-02-29T00:00:00Z",
        "DAILY,   2023-12-31T23:59:59.999Z, 2023-12-31T00:00:00Z",
        // weeks start on Monday 00:00 UTC: 2024-03-11 is a Monday, 2024-03-10 a Sunday
        "WEEKLY,  2024-03-11T00:00:00Z,     2024-03-11T00:00:00Z",
        "WEEKLY,  2024-03-10T23:59:59Z,     2024-03-04T00:00:00Z",
        "WEEKLY,  2024-03-13T12:00:00Z,     2024-03-11T00:00:00Z",
        "WEEKLY,  2024-03-17T23:59:59Z,     2024-03-11T00:00:00Z",
        "WEEKLY,  2024-02-29T10:00:00Z,     2024-02-26T00:00:00Z",
        "WEEKLY,  2025-01-01T00:00:00Z,     2024-12-30T00:00:00Z",
        "WEEKLY,  2021-01-03T23:59:59Z,     2020-12-28T00:00:00Z",
        "MONTHLY, 2024-02-29T23:59:59Z,     2024-02-01T00:00:00Z",
        "MONTHLY, 2024-03-01T00:00:00Z,     2024-03-01T00:00:00Z",
        "MONTHLY, 2023-02-28T23:59:59Z,     2023-02-01T00:00:00Z",
        "MONTHLY, 2024-12-31T23:59:59Z,     2024-12-01T00:00:00Z",
        "YEARLY,  2024-12-31T23:59:59Z,     2024-01-01T00:00:00Z",
        "YEARLY,  2025-01-01T00:00:00Z,     2025-01-01T00:00:00Z",
        "YEARLY,  2024-02-29T00:00:00Z,     2024-01-01T00:00:00Z",
        "YEARLY,  1971-01-01T00:00:00Z,     1971-01-01T00:00:00Z",
    })
    void shouldPutAnInstantInTheUtcBucketThatHoldsIt(MetricInterval interval, String instant, String start) {
        assertThat(bucket(interval, instant)).isEqualTo(seconds(start));
    }

    @Test
    void shouldNameIntervalsAndDataTypesAsThreatConnectIgnoringCase() {
        assertThat(MetricInterval.of("hourly")).contains(MetricInterval.HOURLY);
        assertThat(MetricInterval.of("Weekly")).contains(MetricInterval.WEEKLY);
        assertThat(MetricInterval.of("Fortnightly")).isEmpty();
        assertThat(MetricInterval.of(null)).isEmpty();
        assertThat(MetricInterval.YEARLY.label()).isEqualTo("Yearly");
        assertThat(MetricDataType.of("average")).contains(MetricDataType.AVERAGE);
        assertThat(MetricDataType.of("Median")).isEmpty();
        assertThat(MetricDataType.COUNT.needsValue()).isFalse();
        assertThat(MetricDataType.SUM.needsValue()).isTrue();
    }
}
