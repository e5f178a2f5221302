package io.findingflow.schemas.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricPointBatchTest {

    private static MetricPoint point(String key, double value, double weight, long date) {
        return new MetricPoint(42, "Average", "Hourly", key, value, weight, date);
    }

    @Test
    void shouldRoundTripPointsInOrderWithSharedKeys() {
        String longKey = "k".repeat(70_000) + "é|\"";
        List<MetricPoint> points = List.of(point("app1", 1.5, 1, 1_700_000_000_000L), point("", -0.0, 2, 1L),
                point("app1", Double.MAX_VALUE, 0.25, Long.MAX_VALUE), point("ключ", 3, 1, 40_000_000_000_000L),
                point(longKey, 7, 1, 5L));
        MetricPointBatch batch = MetricPointBatch.decode(MetricPointBatch.encode(points));
        assertThat(batch.metricId()).isEqualTo(42);
        assertThat(batch.dataType()).isEqualTo("Average");
        assertThat(batch.interval()).isEqualTo("Hourly");
        assertThat(batch.keys()).containsExactly("app1", "", "ключ", longKey);
        List<MetricPoint> decoded = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            decoded.add(batch.point(i));
        }
        assertThat(decoded).isEqualTo(points);
    }

    @Test
    void shouldReadANullKeyAsTheEmptyKey() {
        MetricPointBatch batch = MetricPointBatch.decode(MetricPointBatch.encode(List.of(point(null, 1, 1, 2))));
        assertThat(batch.key(0)).isEmpty();
    }

    @Test
    void shouldRefusePointsOfDifferentMetricsAndEmptyBatches() {
        assertThatThrownBy(() -> MetricPointBatch.encode(List.of(point("a", 1, 1, 1),
                new MetricPoint(43, "Average", "Hourly", "a", 1, 1, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricPointBatch.encode(List.of(point("a", 1, 1, 1),
                new MetricPoint(42, "Sum", "Hourly", "a", 1, 1, 1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricPointBatch.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellBatchesFromLegacyJsonPoints() {
        assertThat(MetricPointBatch.isBatch(MetricPointBatch.encode(List.of(point("a", 1, 1, 1))))).isTrue();
        assertThat(MetricPointBatch.isBatch("{\"metric_id\":1}".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(MetricPointBatch.isBatch(new byte[0])).isFalse();
        assertThat(MetricPointBatch.isBatch(null)).isFalse();
        assertThatThrownBy(() -> MetricPointBatch.decode("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseEveryTruncationAndTrailingBytes() {
        byte[] full = MetricPointBatch.encode(List.of(point("app1", 1, 1, 1), point("app2", 2, 1, 2)));
        for (int length = 1; length < full.length; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            assertThatThrownBy(() -> MetricPointBatch.decode(cut)).as("cut at %d", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertThatThrownBy(() -> MetricPointBatch.decode(longer)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAKeyIndexBeyondTheKeys() {
        byte[] bytes = MetricPointBatch.encode(List.of(point("a", 1, 1, 1)));
        // layout: magic, id (8), "Average" (1 + 7), "Hourly" (1 + 6), 1 key, "a" (1 + 1), 1 point, index
        int index = 1 + 8 + 8 + 7 + 1 + 2 + 1;
        assertThat(bytes[index]).isEqualTo((byte) 0);
        bytes[index] = 1;
        assertThatThrownBy(() -> MetricPointBatch.decode(bytes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSplitARequestIntoRunsThatFitOneRecord() {
        List<MetricPoint> small = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            small.add(point("key-" + (i % 50), i, 1, i));
        }
        assertThat(MetricPointBatch.split(small)).containsExactly(small);

        List<MetricPoint> big = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            big.add(point("x".repeat(200) + i, i, 1, i));
        }
        List<List<MetricPoint>> runs = MetricPointBatch.split(big);
        assertThat(runs).hasSizeGreaterThan(1);
        assertThat(runs.stream().flatMap(List::stream).toList()).isEqualTo(big);
        for (List<MetricPoint> run : runs) {
            assertThat(MetricPointBatch.encode(run).length).isLessThanOrEqualTo(MetricPointBatch.MAX_BYTES);
        }
        List<MetricPoint> huge = List.of(point("y".repeat(MetricPointBatch.MAX_BYTES), 1, 1, 1), point("z", 1, 1, 1));
        assertThat(MetricPointBatch.split(huge)).as("a point too big for a record still gets one")
                .containsExactly(huge.subList(0, 1), huge.subList(1, 2));
    }
}
