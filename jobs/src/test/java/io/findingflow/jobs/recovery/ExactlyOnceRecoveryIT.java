package io.findingflow.jobs.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.FindingFlowJobs;
import io.findingflow.jobs.JobsConfig;
import io.findingflow.jobs.KafkaTopics;
import io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport;
import io.findingflow.jobs.sink.ClickHouseTestDatabase;
import io.findingflow.jobs.sink.JobTestCluster;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.FindingRecord;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly-once effect: the real pipeline (Kafka source → lifecycle → ClickHouse sink) loses its
 * task manager in the middle of large imports, recovers from its last checkpoint, and ends with
 * exactly the findings, statuses, counters and statistics an undisturbed run gives.
 */
class ExactlyOnceRecoveryIT {

    private static final int PRODUCTS = 4;
    private static final int FINDINGS = 15_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = JobTestCluster.twoSlots();

    @Test
    void killingTheTaskManagerMidImportChangesNothing(@InjectMiniCluster MiniCluster cluster) throws Exception {
        ClickHouseTestDatabase clickHouse = ClickHouseTestDatabase.create("recovery");
        Path checkpoints = Files.createTempDirectory("ff-recovery");
        JobsConfig config = JobsConfig.fromEnv(Map.of(
                JobsConfig.KAFKA_BOOTSTRAP, System.getenv().getOrDefault("FF_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:20800"),
                JobsConfig.TOPIC_PREFIX, "it-" + UUID.randomUUID().toString().substring(0, 8) + ".",
                JobsConfig.CLICKHOUSE_URL, clickHouse.connection().url(),
                JobsConfig.CLICKHOUSE_DATABASE, clickHouse.connection().database(),
                JobsConfig.CHECKPOINT_DIR, checkpoints.toUri().toString(),
                JobsConfig.CHECKPOINT_INTERVAL_MS, "300"));
        KafkaTopics.ensure(config);
        produceImports(config);

        Configuration conf = new Configuration();
        conf.setString("restart-strategy.type", "fixed-delay");
        conf.setString("restart-strategy.fixed-delay.attempts", "20");
        conf.setString("restart-strategy.fixed-delay.delay", "500 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        FindingFlowJobs.configure(env, config);
        FindingFlowJobs.attach(env, config);
        JobClient job = env.executeAsync("recovery-it");
        try {
            awaitCount(clickHouse, "SELECT count() FROM findings", 1, Duration.ofMinutes(2));
            cluster.terminateTaskManager(0).get();
            cluster.startTaskManager();
            awaitCount(clickHouse, "SELECT count() FROM imports FINAL", 2L * PRODUCTS, Duration.ofMinutes(4));
        } finally {
            job.cancel().get();
        }
        long expectedFindings = (long) PRODUCTS * (FINDINGS + 1);
        assertThat(clickHouse.scalar("SELECT count() FROM findings FINAL")).isEqualTo(String.valueOf(expectedFindings));
        assertThat(clickHouse.scalar("SELECT uniqExact(id) FROM findings")).isEqualTo(String.valueOf(expectedFindings));
        assertThat(clickHouse.scalar("SELECT sum(active) FROM findings FINAL"))
                .isEqualTo(String.valueOf((long) PRODUCTS * FINDINGS));
        assertThat(clickHouse.scalar("SELECT sum(is_mitigated) FROM findings FINAL")).isEqualTo(String.valueOf(PRODUCTS));
        assertThat(clickHouse.scalar("SELECT sum(total_verified) FROM finding_month_counts FINAL"))
                .isEqualTo(String.valueOf(expectedFindings));
        assertThat(clickHouse.scalar("SELECT sum(closed_verified) FROM finding_month_counts FINAL"))
                .isEqualTo(String.valueOf(PRODUCTS));
        assertThat(clickHouse.scalar("SELECT count() FROM imports FINAL WHERE position(statistics, "
                + "'\"created\":{\"info\":{\"active\":0') > 0")).isEqualTo(String.valueOf(PRODUCTS));
        clickHouse.drop();
    }

    /** Per product: an import of FINDINGS findings, then a reimport that drops one and adds one. */
    private static void produceImports(JobsConfig config) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "recovery-it-" + UUID.randomUUID());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            for (int pass = 0; pass < 2; pass++) {
                for (long product = 1; product <= PRODUCTS; product++) {
                    ImportHeader header = LifecycleTestSupport.header("p" + product + "-" + pass, pass == 1,
                            product, product * 10, product * 100);
                    producer.beginTransaction();
                    String key = Long.toString(product);
                    producer.send(new ProducerRecord<>(config.topics().findingEvents(), key, bytes(ImportEvent.begin(header))));
                    for (int i = pass; i < FINDINGS + pass; i++) {
                        com.fasterxml.jackson.databind.JsonNode finding =
                                LifecycleTestSupport.finding("f" + i, "High", "hash-" + i);
                        // the first pass as JSON records (written before the compact form), the second compact
                        byte[] value = pass == 0 ? bytes(ImportEvent.finding(header.importId(), product, finding))
                                : FindingRecord.record(FindingRecord.prefix(header.importId(), product),
                                        FindingRecord.findingPart(Json.mapper().treeToValue(finding, Finding.class),
                                                bytes(finding)));
                        producer.send(new ProducerRecord<>(config.topics().findingEvents(), key, value));
                    }
                    producer.send(new ProducerRecord<>(config.topics().findingEvents(), key,
                            bytes(ImportEvent.end(header.importId(), product))));
                    producer.commitTransaction();
                }
            }
        }
    }

    private static byte[] bytes(Object value) throws Exception {
        return Json.mapper().writeValueAsBytes(value);
    }

    private static void awaitCount(ClickHouseTestDatabase db, String sql, long atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Long.parseLong(db.scalar(sql)) < atLeast) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(sql + " stayed below " + atLeast + " for " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
