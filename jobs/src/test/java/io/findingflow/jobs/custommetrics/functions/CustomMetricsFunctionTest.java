package io.findingflow.jobs.custommetrics.functions;

import static io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport.latest;
import static io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport.seconds;
import static io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CustomMetricsFunctionTest {

    /** One bucket per interval [start, next) around the leap day 2024-02-29 and a year end. */
    private static final Map<MetricInterval, String[]> BUCKETS = Map.of(
            MetricInterval.HOURLY, new String[] {"2024-02-29T23:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"},
            MetricInterval.DAILY, new String[] {"2024-02-29T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"},
            // Monday 2024-02-26 00:00 to Monday 2024-03-04 00:00
            MetricInterval.WEEKLY, new String[] {"2024-02-26T00:00:00Z", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z"},
            MetricInterval.MONTHLY, new String[] {"2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"},
            MetricInterval.YEARLY, new String[] {"2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z"});

    /** The bucket of the points 5 (w1), 2 (w3, last second), 4 (w2, bucket start, arriving last). */
    private static final Map<MetricDataType, Double> EXPECTED = Map.of(
            MetricDataType.SUM, 11d, MetricDataType.COUNT, 3d, MetricDataType.MIN, 2d, MetricDataType.MAX, 5d,
            MetricDataType.FIRST, 4d, MetricDataType.LAST, 2d, MetricDataType.AVERAGE, (5 + 2 * 3 + 4 * 2) / 6d);

    private final MetricPointsTestSupport points = new MetricPointsTestSupport();
    private KeyedOneInputStreamOperatorTestHarness<String, MetricPointRecord, ClickHouseRow> harness;

    private KeyedOneInputStreamOperatorTestHarness<String, MetricPointRecord, ClickHouseRow> open(
            OperatorSubtaskState restored) throws Exception {
        return open(restored, 0);
    }

    private KeyedOneInputStreamOperatorTestHarness<String, MetricPointRecord, ClickHouseRow> open(
            OperatorSubtaskState restored, long flushMillis) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CustomMetricsFunction(flushMillis)), MetricPointRecord::stateKey, Types.STRING);
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
        return harness;
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(MetricPointRecord... records) throws Exception {
        for (MetricPointRecord record : records) {
            harness.processElement(record, 0L);
        }
    }

    private List<ClickHouseRow> rows() {
        return new ArrayList<>(harness.extractOutputValues());
    }

    static Stream<Arguments> everyTypeIntervalAndKeying() {
        List<Arguments> all = new ArrayList<>();
        for (MetricDataType type : MetricDataType.values()) {
            for (MetricInterval interval : MetricInterval.values()) {
                all.add(Arguments.of(type, interval, false));
                all.add(Arguments.of(type, interval, true));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} keyed={2}")
    @MethodSource("everyTypeIntervalAndKeying")
    void shouldAggregateABucketFromItsFirstToItsLastSecondIncludingALatePoint(
            MetricDataType type, MetricInterval interval, boolean keyed) throws Exception {
        open(null);
        String[] bucket = BUCKETS.get(interval);
        String key = keyed ? "app1" : "";
        MetricPointRecord late = points.point(7, type, interval, key, 4, 2, bucket[0]);
        feed(points.point(7, type, interval, key, 5, 1, Instant.parse(bucket[0]).plusSeconds(1).toString()),
                points.point(7, type, interval, key, 2, 3, bucket[1]),
                points.point(7, type, interval, key, 7, 1, bucket[2]));
        if (keyed) {
            feed(points.point(7, type, interval, "app2", 100, 1, bucket[1]));
        }
        feed(late);

        JsonNode current = latest(rows(), key, bucket[0]);
        assertThat(current.path("value").asDouble()).isCloseTo(EXPECTED.get(type), within(1e-12));
        assertThat(current.path("count").asLong()).isEqualTo(3);
        assertThat(current.path("weight_sum").asDouble()).isEqualTo(6);
        assertThat(current.path("metric_id").asLong()).isEqualTo(7);
        assertThat(current.path("version").asLong()).as("the late point's offset").isEqualTo(late.offset);
        assertThat(latest(rows(), key, bucket[2]).path("value").asDouble()).as("the next bucket")
                .isEqualTo(single(type, 7));
        if (keyed) {
            assertThat(latest(rows(), "app2", bucket[0]).path("value").asDouble()).isEqualTo(single(type, 100));
        }
        assertThat(rows()).as("one upsert per point").hasSize(keyed ? 5 : 4);
    }

    @Test
    void shouldUpdateAnOldBucketWhenAPointWithAnOldDateArrivesLater() throws Exception {
        open(null);
        for (int day = 1; day <= 20; day++) {
            feed(points.point(3, MetricDataType.SUM, MetricInterval.DAILY, "", day, 1,
                    String.format("2024-03-%02dT12:00:00Z", day)));
        }
        MetricPointRecord old = points.point(3, MetricDataType.SUM, MetricInterval.DAILY, "", 100, 1, "2024-03-02T23:59:59Z");
        feed(old);
        JsonNode updated = latest(rows(), "", "2024-03-02T00:00:00Z");
        assertThat(updated.path("value").asDouble()).isEqualTo(102);
        assertThat(updated.path("version").asLong()).isEqualTo(old.offset);
        assertThat(latest(rows(), "", "2024-03-20T00:00:00Z").path("value").asDouble()).isEqualTo(20);
    }

    @Test
    void shouldKeepMetricsApartEvenWithTheSameBucketAndKey() throws Exception {
        open(null);
        feed(points.point(1, MetricDataType.SUM, MetricInterval.HOURLY, "k", 1, 1, "2024-03-01T10:15:00Z"),
                points.point(2, MetricDataType.SUM, MetricInterval.HOURLY, "k", 50, 1, "2024-03-01T10:15:00Z"),
                points.point(1, MetricDataType.SUM, MetricInterval.HOURLY, "k", 1, 1, "2024-03-01T10:45:00Z"));
        List<JsonNode> ofMetric1 = rows().stream().map(MetricPointsTestSupport::json)
                .filter(r -> r.path("metric_id").asLong() == 1).toList();
        assertThat(ofMetric1.get(ofMetric1.size() - 1).path("value").asDouble()).isEqualTo(2);
        assertThat(ofMetric1.get(ofMetric1.size() - 1).path("bucket").asLong()).isEqualTo(seconds("2024-03-01T10:00:00Z"));
    }

    @Test
    void shouldContinueFromRestoredStateAfterAFailure() throws Exception {
        open(null);
        feed(points.point(9, MetricDataType.AVERAGE, MetricInterval.WEEKLY, "", 10, 1, "2024-03-04T00:00:00Z"),
                points.point(9, MetricDataType.AVERAGE, MetricInterval.WEEKLY, "", 20, 1, "2024-03-10T23:59:59Z"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();
        open(snapshot);
        feed(points.point(9, MetricDataType.AVERAGE, MetricInterval.WEEKLY, "", 60, 2, "2024-03-06T12:00:00Z"));
        JsonNode row = latest(rows(), "", "2024-03-04T00:00:00Z");
        assertThat(row.path("value").asDouble()).isEqualTo((10 + 20 + 120) / 4d);
        assertThat(row.path("count").asLong()).isEqualTo(3);
    }

    @Test
    void shouldCoalesceABucketsPointsIntoOneRowPerFlushWindow() throws Exception {
        open(null, 5);
        harness.setProcessingTime(1);
        feed(points.point(4, MetricDataType.SUM, MetricInterval.HOURLY, "", 1, 1, "2024-03-01T10:00:00Z"),
                points.point(4, MetricDataType.SUM, MetricInterval.HOURLY, "", 2, 1, "2024-03-01T10:30:00Z"));
        MetricPointRecord last = points.point(4, MetricDataType.SUM, MetricInterval.HOURLY, "", 3, 1, "2024-03-01T10:59:59Z");
        feed(last);
        assertThat(rows()).as("nothing before the window ends").isEmpty();
        harness.setProcessingTime(5);
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(MetricPointsTestSupport.json(row).path("value").asDouble()).isEqualTo(6);
            assertThat(MetricPointsTestSupport.json(row).path("version").asLong()).isEqualTo(last.offset);
        });
        harness.setProcessingTime(7);
        feed(points.point(4, MetricDataType.SUM, MetricInterval.HOURLY, "", 4, 1, "2024-03-01T10:10:00Z"));
        harness.setProcessingTime(9);
        assertThat(rows()).hasSize(1);
        harness.setProcessingTime(10);
        assertThat(rows()).hasSize(2);
        assertThat(latest(rows(), "", "2024-03-01T10:00:00Z").path("value").asDouble()).isEqualTo(10);
        harness.setProcessingTime(100);
        assertThat(rows()).as("an unchanged bucket is not written again").hasSize(2);
    }

    @Test
    void shouldWriteACoalescedRowWhoseTimerWasPendingAtACheckpoint() throws Exception {
        open(null, 5);
        harness.setProcessingTime(1);
        feed(points.point(4, MetricDataType.MAX, MetricInterval.DAILY, "k", 8, 1, "2024-03-01T10:00:00Z"));
        OperatorSubtaskState snapshot = harness.snapshot(1L, 2L);
        harness.close();
        open(snapshot, 5);
        harness.setProcessingTime(5);
        assertThat(latest(rows(), "k", "2024-03-01T00:00:00Z").path("value").asDouble()).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(MetricDataType.class)
    void shouldApplyARecordsPointsOfABucketExactlyAsTheSamePointsOneByOne(MetricDataType type) throws Exception {
        double[] values = {0.1, 0.2, 0.7, -3.3, 0.1, 1e-9, 12.25};
        double[] weights = {1, 0.3, 2, 1, 1.7, 1, 0.1};
        String[] dates = {"2024-03-01T10:30:00Z", "2024-03-01T10:00:00Z", "2024-03-01T10:59:59Z",
            "2024-03-01T10:00:00Z", "2024-03-01T10:59:59Z", "2024-03-01T10:20:00Z", "2024-03-01T10:00:00Z"};
        open(null);
        for (int i = 0; i < values.length; i++) {
            feed(points.point(4, type, MetricInterval.HOURLY, "k", values[i], weights[i], dates[i]));
        }
        JsonNode oneByOne = latest(rows(), "k", "2024-03-01T10:00:00Z");
        harness.close();

        open(null);
        long[] millis = Stream.of(dates).mapToLong(d -> Instant.parse(d).toEpochMilli()).toArray();
        feed(new MetricPointRecord(4, type.label(), "Hourly", "k", seconds("2024-03-01T10:00:00Z"), 0,
                oneByOne.path("version").asLong(), values, weights, millis));
        assertThat(rows()).as("one row for the whole record").singleElement()
                .satisfies(row -> assertThat(MetricPointsTestSupport.json(row)).isEqualTo(oneByOne));
    }
}
