package io.findingflow.jobs.custommetrics.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.findingflow.jobs.custommetrics.records.MetricAggregate;
import io.findingflow.schemas.custommetrics.MetricDataType;
import org.junit.jupiter.api.Test;

class MetricAggregatorTest {

    /** Adds (value, weight, date) triples in arrival order. */
    private static MetricAggregate aggregate(double[]... points) {
        MetricAggregate a = null;
        for (double[] p : points) {
            a = MetricAggregator.add(a, p[0], p[1], (long) p[2]);
        }
        return a;
    }

    private static double value(MetricAggregate a, MetricDataType type) {
        return MetricAggregator.value(a, type);
    }

    @Test
    void shouldSumCountAndTakeExtremes() {
        MetricAggregate a = aggregate(new double[] {3, 1, 10}, new double[] {-2, 1, 20}, new double[] {7.5, 1, 5});
        assertThat(value(a, MetricDataType.SUM)).isEqualTo(8.5);
        assertThat(value(a, MetricDataType.COUNT)).isEqualTo(3);
        assertThat(value(a, MetricDataType.MIN)).isEqualTo(-2);
        assertThat(value(a, MetricDataType.MAX)).isEqualTo(7.5);
    }

    @Test
    void shouldTakeFirstAndLastByDateNotByArrival() {
        MetricAggregate a = aggregate(new double[] {1, 1, 200}, new double[] {2, 1, 100}, new double[] {3, 1, 300},
                new double[] {4, 1, 150});
        assertThat(value(a, MetricDataType.FIRST)).isEqualTo(2);
        assertThat(value(a, MetricDataType.LAST)).isEqualTo(3);
    }

    @Test
    void shouldBreakFirstAndLastTiesByArrival() {
        MetricAggregate a = aggregate(new double[] {1, 1, 100}, new double[] {2, 1, 100}, new double[] {3, 1, 100});
        assertThat(value(a, MetricDataType.FIRST)).as("the earliest arrival of the earliest date").isEqualTo(1);
        assertThat(value(a, MetricDataType.LAST)).as("the latest arrival of the latest date").isEqualTo(3);
    }

    @Test
    void shouldWeighTheAverage() {
        MetricAggregate a = aggregate(new double[] {10, 1, 1}, new double[] {20, 3, 2});
        assertThat(value(a, MetricDataType.AVERAGE)).isCloseTo((10 + 60) / 4.0, within(1e-12));
        assertThat(a.weightSum).isEqualTo(4);
    }

    @Test
    void shouldAverageWithDefaultWeightsAsAPlainMean() {
        MetricAggregate a = aggregate(new double[] {1, 1, 1}, new double[] {2, 1, 2}, new double[] {6, 1, 3});
        assertThat(value(a, MetricDataType.AVERAGE)).isEqualTo(3);
    }

    @Test
    void shouldGiveEveryTypeTheValueOfASinglePoint() {
        MetricAggregate a = aggregate(new double[] {-4.25, 2, 7});
        for (MetricDataType type : MetricDataType.values()) {
            assertThat(value(a, type)).as(type.label()).isEqualTo(type == MetricDataType.COUNT ? 1 : -4.25);
        }
    }

    @Test
    void shouldCountHitsWhateverTheirValues() {
        MetricAggregate a = aggregate(new double[] {0, 1, 1}, new double[] {0, 1, 1}, new double[] {99, 5, 1});
        assertThat(value(a, MetricDataType.COUNT)).isEqualTo(3);
    }

    @Test
    void shouldSumManyIntegersExactly() {
        MetricAggregate a = null;
        for (int i = 1; i <= 100_000; i++) {
            a = MetricAggregator.add(a, i, 1, i);
        }
        assertThat(value(a, MetricDataType.SUM)).isEqualTo(5_000_050_000d);
    }
}
