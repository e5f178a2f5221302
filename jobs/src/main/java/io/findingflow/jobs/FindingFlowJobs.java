package io.findingflow.jobs;

import io.findingflow.jobs.custommetrics.CustomMetricsJob;
import io.findingflow.jobs.lifecycle.FindingLifecycleJob;
import io.findingflow.jobs.lifecycle.functions.FindingEventDeserializer;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.sink.ClickHouseSink;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The FindingFlow Flink pipeline with its real Kafka source and ClickHouse sink. {@code main} is
 * what {@code flink run} submits (configuration from the environment, see JobsConfig); the local
 * stack calls {@link #attach} on a MiniCluster environment.
 */
public final class FindingFlowJobs {

    public static final String JOB_NAME = "findingflow-pipeline";

    private FindingFlowJobs() {}

    public static void main(String[] args) throws Exception {
        JobsConfig config = JobsConfig.fromEnv(System.getenv());
        KafkaTopics.ensure(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        configure(env, config);
        attach(env, config);
        env.execute(JOB_NAME);
    }

    /** Checkpointing every interval, exactly-once mode (the sink makes effects idempotent). */
    public static void configure(StreamExecutionEnvironment env, JobsConfig config) {
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    }

    /** Adds every job of the pipeline, reading Kafka and writing ClickHouse. */
    public static void attach(StreamExecutionEnvironment env, JobsConfig config) {
        Properties consumer = new Properties();
        // an import becomes visible whole: only committed transactions are read
        consumer.setProperty("isolation.level", "read_committed");
        consumer.setProperty("partition.discovery.interval.ms", "30000");
        KafkaSource<FindingEventRecord> findingEvents =
                KafkaSource.<FindingEventRecord>builder()
                        .setBootstrapServers(config.kafkaBootstrap())
                        .setTopics(config.topics().findingEvents())
                        .setGroupId("findingflow-lifecycle")
                        // without a checkpoint, rebuild all state from the start of the log
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new FindingEventDeserializer())
                        .setProperties(consumer)
                        .build();
        FindingLifecycleJob.build(
                        env.fromSource(findingEvents, WatermarkStrategy.noWatermarks(), "finding-events")
                                .uid("finding-events-source"),
                        config.timeZone())
                .sinkTo(ClickHouseSink.builder(config.clickHouse()).build())
                .name("clickhouse-findings")
                .uid("clickhouse-findings");
        CustomMetricsJob.attach(env, config);
    }
}
