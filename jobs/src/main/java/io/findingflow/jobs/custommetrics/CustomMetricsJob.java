package io.findingflow.jobs.custommetrics;

import io.findingflow.jobs.JobsConfig;
import io.findingflow.jobs.custommetrics.functions.CustomMetricsFunction;
import io.findingflow.jobs.custommetrics.functions.MetricPointDeserializer;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.jobs.sink.ClickHouseSink;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * ThreatConnect custom metrics: points → one aggregate per (metric, key, bucket) → upserted rows of
 * custom_metric_values. {@link #build} is the sink-less graph over any stream of points (tests
 * feed bounded collections); {@link #attach} adds the Kafka source and the ClickHouse sink.
 *
 * <p>The API answers {@code returnValue=true} by waiting for the row of its point, so this path is
 * tuned for latency: network buffers, the row coalescing and the sink flush after a few
 * milliseconds, not 100.
 */
public final class CustomMetricsJob {

    /** Flush network buffers after this long (Flink's default is 100 ms). */
    public static final long BUFFER_TIMEOUT_MS = 5;
    /** Flush the ClickHouse sink's batch after this long. */
    public static final long SINK_FLUSH_MS = 10;

    private CustomMetricsJob() {}

    /**
     * The graph over any stream of points. {@code flushMillis}: rows of a bucket are coalesced over
     * windows this long (see CustomMetricsFunction); 0 writes one row per element (a Kafka record's
     * points of one bucket), which bounded inputs need (their pending timers do not fire at end of input).
     */
    public static SingleOutputStreamOperator<ClickHouseRow> build(
            DataStream<MetricPointRecord> points, long flushMillis) {
        return points.keyBy(MetricPointRecord::stateKey)
                .process(new CustomMetricsFunction(flushMillis))
                .name("custom-metrics")
                .uid("custom-metrics");
    }

    /** Adds the job to {@code env}, reading the metric-points topic and writing ClickHouse. */
    public static void attach(StreamExecutionEnvironment env, JobsConfig config) {
        Properties consumer = new Properties();
        consumer.setProperty("isolation.level", "read_committed");
        consumer.setProperty("partition.discovery.interval.ms", "30000");
        KafkaSource<MetricPointRecord> source = KafkaSource.<MetricPointRecord>builder()
                .setBootstrapServers(config.kafkaBootstrap())
                .setTopics(config.topics().metricPoints())
                .setGroupId("findingflow-custom-metrics")
                // without a checkpoint, rebuild every aggregate from the start of the log
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new MetricPointDeserializer())
                .setProperties(consumer)
                .build();
        DataStream<MetricPointRecord> points = env
                .fromSource(source, WatermarkStrategy.noWatermarks(), "metric-points")
                .uid("metric-points-source")
                .setBufferTimeout(BUFFER_TIMEOUT_MS);
        // the sink is not chained: its insert blocks its thread, and aggregation goes on meanwhile
        build(points, CustomMetricsFunction.DEFAULT_FLUSH_MILLIS)
                .setBufferTimeout(BUFFER_TIMEOUT_MS)
                .sinkTo(ClickHouseSink.builder(config.clickHouse()).maxTimeInBufferMs(SINK_FLUSH_MS).build())
                .name("clickhouse-custom-metrics")
                .uid("clickhouse-custom-metrics")
                .disableChaining();
    }
}
