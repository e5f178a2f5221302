package io.findingflow.api.custommetrics;

import io.findingflow.schemas.custommetrics.MetricPoint;
import io.findingflow.schemas.custommetrics.MetricPointBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * Writes the points of one request (all of one metric) to the metric-points topic in one Kafka
 * transaction (all or none, so a failed request may simply be retried), keyed by metric id, as
 * {@link MetricPointBatch} records of up to {@link MetricPointBatch#MAX_BYTES} each, and returns each
 * point's offset (its record's): the version its bucket's row carries once the Flink job has applied
 * it. At most {@code size} transactional producers, created on first use; a broken one is replaced.
 *
 * <p>Group commit: a transaction costs the broker more CPU than the points in it (partition
 * registration, end marker, commit markers), so requests that arrive while every producer is busy
 * wait in a queue and the next free producer commits all of them (up to
 * {@link #MAX_REQUESTS_PER_TRANSACTION}) in one transaction. Each request still has its own records,
 * and still is all or none: if the shared transaction fails, every request in it fails with nothing
 * stored.
 */
public final class MetricPointProducer implements AutoCloseable {

    static final int MAX_REQUESTS_PER_TRANSACTION = 64;

    /** One request's records, waiting for a transaction; {@code claimed} once a producer took it. */
    private static final class Pending {
        final List<byte[]> records = new ArrayList<>();
        final List<Integer> pointsPerRecord = new ArrayList<>();
        final String key;
        final CompletableFuture<List<Long>> offsets = new CompletableFuture<>();
        volatile boolean claimed;

        Pending(List<MetricPoint> points) {
            key = Long.toString(points.get(0).metricId());
            for (List<MetricPoint> run : MetricPointBatch.split(points)) {
                records.add(MetricPointBatch.encode(run));
                pointsPerRecord.add(run.size());
            }
        }
    }

    private final String bootstrap;
    private final String topic;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<KafkaProducer<String, byte[]>> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong created = new AtomicLong();

    public MetricPointProducer(String bootstrap, String topic, int size) {
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.permits = new Semaphore(size);
    }

    /** The offsets of {@code points}, in order, once their transaction committed. */
    public List<Long> send(List<MetricPoint> points) throws InterruptedException {
        Pending mine = new Pending(points);
        waiting.add(mine);
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            if (waiting.remove(mine)) {
                throw e; // nothing sent
            }
            Thread.currentThread().interrupt(); // already in another producer's transaction: report its outcome
            return awaitOffsets(mine);
        }
        try {
            // commit what waits, this request included unless another producer already took it
            while (!mine.claimed) {
                commit(claim());
            }
        } finally {
            permits.release();
        }
        return awaitOffsets(mine);
    }

    private static List<Long> awaitOffsets(Pending pending) {
        try {
            return pending.offsets.join();
        } catch (CompletionException | CancellationException e) {
            throw TcResponses.failure(503, "The data points could not be recorded (nothing was stored); retry");
        }
    }

    private List<Pending> claim() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p = waiting.poll(); p != null; p = batch.size() < MAX_REQUESTS_PER_TRANSACTION
                ? waiting.poll() : null) {
            p.claimed = true;
            batch.add(p);
        }
        return batch;
    }

    /** Commits {@code batch} in one transaction and completes each request with its offsets or the failure. */
    private void commit(List<Pending> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        KafkaProducer<String, byte[]> producer = null;
        try {
            producer = idle.poll();
            if (producer == null) {
                producer = create();
            }
            List<List<Long>> offsets = sendInTransaction(producer, batch);
            idle.add(producer);
            producer = null;
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).offsets.complete(offsets.get(i));
            }
        } catch (KafkaException | ExecutionException e) {
            if (producer != null && abort(producer)) {
                idle.add(producer);
                producer = null;
            }
            batch.forEach(p -> p.offsets.completeExceptionally(e));
        } catch (InterruptedException | RuntimeException | Error e) {
            batch.forEach(p -> p.offsets.completeExceptionally(e));
            throw e;
        } finally {
            if (producer != null) {
                producer.close(java.time.Duration.ZERO); // broken or fenced: replaced on next use
            }
        }
    }

    private List<List<Long>> sendInTransaction(KafkaProducer<String, byte[]> producer, List<Pending> batch)
            throws ExecutionException, InterruptedException {
        producer.beginTransaction();
        List<List<Future<RecordMetadata>>> sent = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            List<Future<RecordMetadata>> ofRequest = new ArrayList<>(pending.records.size());
            for (byte[] record : pending.records) {
                ofRequest.add(producer.send(new ProducerRecord<>(topic, pending.key, record)));
            }
            sent.add(ofRequest);
        }
        producer.commitTransaction();
        List<List<Long>> offsets = new ArrayList<>(batch.size());
        for (int b = 0; b < batch.size(); b++) {
            List<Integer> counts = batch.get(b).pointsPerRecord;
            List<Long> ofRequest = new ArrayList<>();
            for (int r = 0; r < counts.size(); r++) {
                long offset = sent.get(b).get(r).get().offset();
                for (int i = 0; i < counts.get(r); i++) {
                    ofRequest.add(offset);
                }
            }
            offsets.add(ofRequest);
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
