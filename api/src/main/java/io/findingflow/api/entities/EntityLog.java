package io.findingflow.api.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replicates the single-partition entities topic into an {@link EntityStore} and writes to it. A
 * write returns only once this process has applied its own record, so the writer reads its write
 * and learns the log's verdict (created, or refused because the name was taken first).
 */
public final class EntityLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EntityLog.class);
    private static final int RECENT_RESULTS = 50_000;

    private final String topic;
    private final EntityStore store = new EntityStore();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private final Admin admin;
    private final Map<Long, ApplyResult> recent =
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, ApplyResult> eldest) {
                    return size() > RECENT_RESULTS;
                }
            };
    private long appliedUpTo = -1;
    private volatile long endAtStart = -1;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public EntityLog(String bootstrap, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(a);
        follower = new Thread(this::follow, "entity-log-follower");
        follower.setDaemon(true);
    }

    public EntityLog start() {
        follower.start();
        return this;
    }

    public EntityStore store() {
        return store;
    }

    /** True once the log has been read up to where it ended when this process started. */
    public boolean caughtUp() {
        synchronized (this) {
            return endAtStart >= 0 && appliedUpTo >= endAtStart - 1 && failure == null;
        }
    }

    public Throwable failure() {
        return failure;
    }

    /** Waits until the view has replayed the log as it was at start. */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("entities log not replayed within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits until this process has applied everything committed to the log so far, so a read that
     * follows sees writes made through any other API process (read-your-writes across replicas).
     */
    public void sync(Duration timeout) throws InterruptedException, TimeoutException {
        TopicPartition partition = new TopicPartition(topic, 0);
        long end;
        try {
            end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                            new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .partitionResult(partition).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException e) {
            throw new TimeoutException("Kafka did not tell the end of the entities log: " + e.getCause());
        }
        synchronized (this) {
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (appliedUpTo < end - 1) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new TimeoutException("entities log not applied up to " + end);
                }
                wait(left);
            }
        }
    }

    /**
     * Appends a record and waits until this process applied it; returns the log's verdict.
     *
     * @param key the entity's natural key (or kind:id) for compaction
     */
    public ApplyResult write(String key, ObjectNode record, Duration timeout)
            throws InterruptedException, TimeoutException {
        RecordMetadata metadata;
        try {
            metadata = producer.send(new ProducerRecord<>(topic, 0, key, Json.mapper().writeValueAsBytes(record)))
                    .get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the entity record: " + e.getCause(), e.getCause());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return awaitApplied(metadata.offset(), timeout);
    }

    private synchronized ApplyResult awaitApplied(long offset, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (appliedUpTo < offset) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new TimeoutException("entity record " + offset + " not applied in time");
            }
            wait(left);
        }
        ApplyResult result = recent.get(offset);
        if (result == null) {
            throw new IllegalStateException("entity record " + offset + " applied too long ago");
        }
        return result;
    }

    private void follow() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            endAtStart = consumer.endOffsets(List.of(partition)).get(partition);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    applyOne(record);
                }
                if (endAtStart >= 0) {
                    synchronized (this) {
                        // transaction markers occupy offsets too: position() is the true progress
                        appliedUpTo = Math.max(appliedUpTo, consumer.position(partition) - 1);
                        notifyAll();
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("entities log follower stopped", e);
        }
    }

    private void applyOne(ConsumerRecord<String, byte[]> record) {
        ApplyResult result;
        try {
            JsonNode node = Json.mapper().readTree(record.value());
            result = store.apply(record.offset(), node);
        } catch (java.io.IOException e) {
            LOG.warn("Skipping unreadable entity record at offset {}", record.offset());
            result = ApplyResult.refused("non_field_errors", "unreadable record");
        }
        synchronized (this) {
            recent.put(record.offset(), result);
            appliedUpTo = record.offset();
            notifyAll();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            follower.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
