package io.findingflow.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void shouldTakeNearestRankPercentilesInMilliseconds() {
        Latencies latencies = new Latencies(100);
        for (int i = 100; i >= 1; i--) {
            latencies.add(i * 1_000_000L);
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void shouldBeNaNWithoutSamples() {
        assertThat(new Latencies(10).percentileMillis(99)).isNaN();
    }
}
