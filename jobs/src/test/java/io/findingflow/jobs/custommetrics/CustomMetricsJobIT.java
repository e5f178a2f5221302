package io.findingflow.jobs.custommetrics;

import static io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport.seconds;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.custommetrics.functions.MetricPointsTestSupport;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseSink;
import io.findingflow.jobs.sink.ClickHouseTestDatabase;
import io.findingflow.jobs.sink.JobTestCluster;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The custom metrics graph on a MiniCluster (parallelism 2) writing to the real ClickHouse through
 * the AsyncSinkBase sink, read back the way the API reads (argMax by version); run twice to prove
 * a replay leaves every value as it was.
 */
class CustomMetricsJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = JobTestCluster.twoSlots();

    @RegisterExtension
    static final ClickHouseTestDatabase.PerClass CLICKHOUSE = ClickHouseTestDatabase.perClass("custommetrics");

    /** 3 keys × 2,000 hits of +1 in two hours, plus a few points of every other type and a late one. */
    private static List<MetricPointRecord> points() {
        MetricPointsTestSupport support = new MetricPointsTestSupport();
        List<MetricPointRecord> points = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            String date = (i % 2 == 0 ? "2024-02-29T22:" : "2024-02-29T23:") + String.format("%02d:%02d", i % 60, i % 59) + "Z";
            points.add(support.point(1, MetricDataType.SUM, MetricInterval.HOURLY, "k" + (i % 3), 1, 1, date));
        }
        points.add(support.point(2, MetricDataType.AVERAGE, MetricInterval.DAILY, "", 10, 1, "2024-03-01T00:00:00Z"));
        points.add(support.point(2, MetricDataType.AVERAGE, MetricInterval.DAILY, "", 40, 2, "2024-03-01T23:59:59Z"));
        points.add(support.point(3, MetricDataType.LAST, MetricInterval.WEEKLY, "a", 5, 1, "2024-03-10T23:59:59Z"));
        points.add(support.point(3, MetricDataType.LAST, MetricInterval.WEEKLY, "a", 6, 1, "2024-03-04T00:00:00Z"));
        points.add(support.point(4, MetricDataType.MIN, MetricInterval.YEARLY, "", -3, 1, "2024-12-31T23:59:59Z"));
        points.add(support.point(4, MetricDataType.MIN, MetricInterval.YEARLY, "", 8, 1, "2025-01-01T00:00:00Z"));
        // late: a point for a bucket written long before
        points.add(support.point(1, MetricDataType.SUM, MetricInterval.HOURLY, "k0", 1000, 1, "2024-02-29T22:00:00Z"));
        return points;
    }

    private static void run(List<MetricPointRecord> points) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CustomMetricsJob.build(env.fromData(TypeInformation.of(MetricPointRecord.class),
                        points.toArray(new MetricPointRecord[0])), 0)
                .sinkTo(ClickHouseSink.builder(CLICKHOUSE.get().connection()).maxBatchSize(500).build());
        env.execute("custom-metrics-it");
    }

    private static String value(long metric, String key, String bucket) throws Exception {
        return CLICKHOUSE.get().scalar("SELECT argMax(value, version) FROM custom_metric_values WHERE metric_id = " + metric
                + " AND key_name = '" + key + "' AND bucket = toDateTime(" + seconds(bucket) + ")");
    }

    @Test
    void shouldWriteExactBucketValuesIdempotently() throws Exception {
        List<MetricPointRecord> points = points();
        run(points);
        assertValues();
        run(points); // a replay (what Flink does after a failure) must change nothing
        assertValues();
    }

    private static void assertValues() throws Exception {
        assertThat(value(1, "k0", "2024-02-29T22:00:00Z")).isEqualTo("2000");
        assertThat(value(1, "k1", "2024-02-29T22:00:00Z")).isEqualTo("1000");
        assertThat(value(1, "k2", "2024-02-29T23:00:00Z")).isEqualTo("1000");
        assertThat(CLICKHOUSE.get().scalar("SELECT sum(v) FROM (SELECT argMax(value, version) AS v FROM custom_metric_values"
                + " WHERE metric_id = 1 GROUP BY key_name, bucket)")).isEqualTo("7000");
        assertThat(value(2, "", "2024-03-01T00:00:00Z")).isEqualTo("30");
        assertThat(value(3, "a", "2024-03-04T00:00:00Z")).isEqualTo("5");
        assertThat(value(4, "", "2024-01-01T00:00:00Z")).isEqualTo("-3");
        assertThat(value(4, "", "2025-01-01T00:00:00Z")).isEqualTo("8");
        assertThat(CLICKHOUSE.get().scalar("SELECT count() FROM custom_metric_values FINAL")).isEqualTo("10");
    }
}
