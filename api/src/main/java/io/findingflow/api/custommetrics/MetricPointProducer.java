package io.findingflow.api.custommetrics;

import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the points of one request to the metric-points topic in one Kafka transaction (all or
 * none, so a failed request may simply be retried), keyed by metric id, and returns each point's
 * offset: the version its bucket's row carries once the Flink job has applied it. At most
 * {@code size} transactional producers, created on first use; a broken one is replaced.
 */
public final class MetricPointProducer implements AutoCloseable {

    private final String bootstrap;
    private final String topic;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<KafkaProducer<String, byte[]>> idle = new ConcurrentLinkedQueue<>();
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong created = new AtomicLong();

    public MetricPointProducer(String bootstrap, String topic, int size) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.permits = new Semaphore(size);
    }

    /** The offsets of {@code points}, in order, once their transaction committed. */
    public List<Long> send(List<MetricPoint> points) throws InterruptedException {
        permits.acquire();
        KafkaProducer<String, byte[]> producer = null;
        try {
            producer = idle.poll();
            if (producer == null) {
                producer = create();
            }
            List<Long> offsets = sendInTransaction(producer, points);
            idle.add(producer);
            producer = null;
            return offsets;
        } catch (KafkaException | ExecutionException | com.fasterxml.jackson.core.JsonProcessingException e) {
            if (producer != null && abort(producer)) {
                idle.add(producer);
                producer = null;
            }
            throw TcResponses.failure(503, "The data points could not be recorded (nothing was stored); retry");
        } finally {
            if (producer != null) {
                producer.close(java.time.Duration.ZERO); // broken or fenced: replaced on next use
            }
            permits.release();
        }
    }

    private List<Long> sendInTransaction(KafkaProducer<String, byte[]> producer, List<MetricPoint> points)
            throws ExecutionException, InterruptedException, com.fasterxml.jackson.core.JsonProcessingException {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>(points.size());
        for (MetricPoint point : points) {
            sent.add(producer.send(new ProducerRecord<>(topic, Long.toString(point.metricId()),
                    Json.mapper().writeValueAsBytes(point))));
        }
        producer.commitTransaction();
        List<Long> offsets = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> future : sent) {
            offsets.add(future.get().offset());
        }
        return offsets;
    }

    /** Aborts the open transaction at once: until then it would hold back every later point. */
    private static boolean abort(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
            return true;
        } catch (KafkaException e) {
            return false;
        }
    }

    private KafkaProducer<String, byte[]> create() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "findingflow-api-metrics-" + instance + "-" + created.incrementAndGet());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        // a transaction left open by a crashed API blocks read_committed readers until it times out
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(java.time.Duration.ZERO);
            throw e;
        }
        return producer;
    }

    @Override
    public void close() {
        for (KafkaProducer<String, byte[]> producer = idle.poll(); producer != null; producer = idle.poll()) {
            producer.close();
        }
    }
}
