package io.findingflow.jobs.custommetrics.functions;

import static io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport.latest;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The function on RocksDB, the state backend the stack runs: state values are copies there, so
 * every change must be written back, and timers live in RocksDB too.
 */
class CustomMetricsFunctionRocksDbTest {

    private final MetricPointsTestSupport points = new MetricPointsTestSupport();
    private KeyedOneInputStreamOperatorTestHarness<String, MetricPointRecord, ClickHouseRow> harness;

    private void open(OperatorSubtaskState restored) throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(
                new CustomMetricsFunction(5)), MetricPointRecord::stateKey, Types.STRING);
        harness.setStateBackend(new EmbeddedRocksDBStateBackend());
        if (restored != null) {
            harness.initializeState(restored);
        }
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private MetricPointRecord point(double value, double weight, String date) {
        return points.point(6, MetricDataType.AVERAGE, MetricInterval.MONTHLY, "k", value, weight, date);
    }

    private List<ClickHouseRow> rows() {
        return List.copyOf(harness.extractOutputValues());
    }

    @Test
    void shouldKeepAggregatesAndWriteEachBucketOncePerWindow() throws Exception {
        open(null);
        harness.setProcessingTime(1);
        harness.processElement(point(10, 1, "2024-02-01T00:00:00Z"), 0);
        harness.processElement(point(40, 2, "2024-02-29T23:59:59Z"), 0);
        harness.processElement(point(99, 1, "2024-03-01T00:00:00Z"), 0);
        harness.setProcessingTime(5);
        assertThat(rows()).hasSize(2);
        assertThat(latest(rows(), "k", "2024-02-01T00:00:00Z").path("value").asDouble()).isEqualTo(30);
        harness.processElement(point(0, 3, "2024-02-15T00:00:00Z"), 0);
        harness.setProcessingTime(10);
        harness.setProcessingTime(20);
        assertThat(rows()).as("one more row, for the changed bucket only").hasSize(3);
        assertThat(latest(rows(), "k", "2024-02-01T00:00:00Z").path("value").asDouble()).isEqualTo(15);
        assertThat(latest(rows(), "k", "2024-02-01T00:00:00Z").path("count").asLong()).isEqualTo(3);
    }

    @Test
    void shouldRestoreAggregatesAndPendingTimers() throws Exception {
        open(null);
        harness.setProcessingTime(1);
        harness.processElement(point(10, 1, "2024-02-10T00:00:00Z"), 0);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 2L);
        harness.close();
        open(snapshot);
        harness.setProcessingTime(5);
        assertThat(latest(rows(), "k", "2024-02-01T00:00:00Z").path("value").asDouble()).isEqualTo(10);
        harness.processElement(point(20, 1, "2024-02-11T00:00:00Z"), 0);
        harness.setProcessingTime(10);
        assertThat(latest(rows(), "k", "2024-02-01T00:00:00Z").path("value").asDouble()).isEqualTo(15);
    }
}
