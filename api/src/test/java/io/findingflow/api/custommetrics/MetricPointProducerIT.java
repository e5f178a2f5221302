package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.custommetrics.MetricPoint;
import io.findingflow.schemas.custommetrics.MetricPointBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Group commit on the test stack's Kafka: many concurrent requests through one producer share
 * transactions, yet each gets the offsets of exactly its own records, and every point is there once.
 */
class MetricPointProducerIT {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("FF_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:20800");

    @Test
    void concurrentRequestsThroughOneProducerGetTheOffsetsOfTheirOwnRecords() throws Exception {
        String topic = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".metric-points";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        int requests = 40;
        Map<Integer, List<MetricPoint>> sent = new HashMap<>();
        for (int r = 0; r < requests; r++) {
            List<MetricPoint> points = new ArrayList<>();
            // request r: r + 1 points, one of them with a key long enough to need a second record
            for (int i = 0; i <= r; i++) {
                String key = r % 10 == 3 && i == 0 ? "k".repeat(MetricPointBatch.MAX_BYTES / 3) : "req" + r;
                points.add(new MetricPoint(r, "Sum", "Daily", key, i, 1, 1_700_000_000_000L + i));
            }
            sent.put(r, points);
        }
        Map<Integer, List<Long>> offsets = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try (MetricPointProducer producer = new MetricPointProducer(BOOTSTRAP, topic, 1)) {
            Map<Integer, Future<List<Long>>> futures = new HashMap<>();
            for (int r = 0; r < requests; r++) {
                List<MetricPoint> points = sent.get(r);
                futures.put(r, pool.submit(() -> {
                    start.await();
                    return producer.send(points);
                }));
            }
            start.countDown();
            for (int r = 0; r < requests; r++) {
                offsets.put(r, futures.get(r).get());
            }
        } finally {
            pool.shutdownNow();
        }

        Map<Long, MetricPointBatch> records = readCommitted(topic);
        List<MetricPoint> all = new ArrayList<>();
        for (int r = 0; r < requests; r++) {
            List<MetricPoint> points = sent.get(r);
            assertThat(offsets.get(r)).hasSize(points.size());
            for (int i = 0; i < points.size(); i++) {
                MetricPointBatch record = records.get(offsets.get(r).get(i));
                assertThat(record).as("request %d point %d", r, i).isNotNull();
                assertThat(record.metricId()).isEqualTo(r);
                List<MetricPoint> inRecord = new ArrayList<>();
                for (int p = 0; p < record.size(); p++) {
                    inRecord.add(record.point(p));
                }
                assertThat(inRecord).contains(points.get(i));
            }
        }
        records.values().forEach(record -> {
            for (int p = 0; p < record.size(); p++) {
                all.add(record.point(p));
            }
        });
        assertThat(all).as("every point once, none of another request")
                .containsExactlyInAnyOrderElementsOf(sent.values().stream().flatMap(List::stream).toList());
        assertThat(records.size()).as("request 3, 13, 23 and 33 needed two records each").isEqualTo(requests + 4);
    }

    /** Every committed record of the topic by offset. */
    private static Map<Long, MetricPointBatch> readCommitted(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<Long, MetricPointBatch> records = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(Set.of(partition));
            consumer.seekToBeginning(Set.of(partition));
            long end = consumer.endOffsets(Set.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.put(record.offset(), MetricPointBatch.decode(record.value()));
                }
            }
        }
        return records;
    }
}
