package io.findingflow.jobs;

import io.findingflow.jobs.sink.ClickHouseConnection;
import io.findingflow.schemas.Topics;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything the Flink jobs need, from environment variables with documented defaults. Validated
 * here; no I/O.
 */
public record JobsConfig(
        String kafkaBootstrap,
        Topics topics,
        int findingPartitions,
        ClickHouseConnection clickHouse,
        String checkpointDir,
        Duration checkpointInterval,
        int parallelism,
        ZoneId timeZone) {

    public static final String KAFKA_BOOTSTRAP = "FF_KAFKA_BOOTSTRAP";
    public static final String TOPIC_PREFIX = "FF_TOPIC_PREFIX";
    public static final String KAFKA_PARTITIONS = "FF_KAFKA_PARTITIONS";
    public static final String CLICKHOUSE_URL = "FF_CLICKHOUSE_URL";
    public static final String CLICKHOUSE_USER = "FF_CLICKHOUSE_USER";
    public static final String CLICKHOUSE_PASSWORD = "FF_CLICKHOUSE_PASSWORD";
    public static final String CLICKHOUSE_DATABASE = "FF_CLICKHOUSE_DATABASE";
    public static final String CHECKPOINT_DIR = "FF_CHECKPOINT_DIR";
    public static final String CHECKPOINT_INTERVAL_MS = "FF_CHECKPOINT_INTERVAL_MS";
    /**
     * Every incremental checkpoint flushes RocksDB's memtables, so the interval sets how many small
     * files compaction has to merge: 15 s instead of 5 s cut RocksDB's compaction CPU by about a
     * third in the bench's 200,000-finding import (BENCHMARKS.md). A failure replays at most this
     * much input (idempotently), and the Kafka lag in /metrics moves at this pace.
     */
    static final String DEFAULT_CHECKPOINT_INTERVAL_MS = "15000";
    public static final String PARALLELISM = "FF_PARALLELISM";
    /** The server time zone (as the API's): months of {@code mitigated} for metrics/simple. */
    public static final String TIME_ZONE = "DD_TIME_ZONE";

    public JobsConfig {
        if (findingPartitions < 1 || findingPartitions > Topics.MAX_FINDING_PARTITIONS) {
            throw new IllegalArgumentException(
                    KAFKA_PARTITIONS + " must be 1.." + Topics.MAX_FINDING_PARTITIONS);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException(PARALLELISM + " must be at least 1");
        }
    }

    public static JobsConfig fromEnv(Map<String, String> env) {
        return new JobsConfig(
                env.getOrDefault(KAFKA_BOOTSTRAP, "127.0.0.1:20800"),
                new Topics(env.getOrDefault(TOPIC_PREFIX, "ff.")),
                Integer.parseInt(env.getOrDefault(KAFKA_PARTITIONS, "2")),
                new ClickHouseConnection(
                        env.getOrDefault(CLICKHOUSE_URL, "http://127.0.0.1:20802"),
                        env.getOrDefault(CLICKHOUSE_USER, "default"),
                        env.getOrDefault(CLICKHOUSE_PASSWORD, ""),
                        env.getOrDefault(CLICKHOUSE_DATABASE, "findingflow")),
                env.getOrDefault(CHECKPOINT_DIR, "file:///tmp/findingflow-checkpoints"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault(CHECKPOINT_INTERVAL_MS, DEFAULT_CHECKPOINT_INTERVAL_MS))),
                Integer.parseInt(env.getOrDefault(PARALLELISM, "2")),
                ZoneId.of(env.getOrDefault(TIME_ZONE, "UTC")));
    }
}
