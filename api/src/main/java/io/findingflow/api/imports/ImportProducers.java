package io.findingflow.api.imports;

import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A small pool of transactional producers. One import = one Kafka transaction (begin marker,
 * findings, end marker, all keyed by product), so consumers reading committed records see an
 * import whole or not at all; a failure before commit aborts and leaves nothing.
 */
public final class ImportProducers implements AutoCloseable {

    private final BlockingQueue<KafkaProducer<String, byte[]>> idle;
    private final String topic;

    public ImportProducers(String bootstrap, String topic, int size) {
        this.topic = topic;
        this.idle = new ArrayBlockingQueue<>(size);
        String instance = UUID.randomUUID().toString();
        for (int i = 0; i < size; i++) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "findingflow-api-" + instance + "-" + i);
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
            KafkaProducer<String, byte[]> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
            producer.initTransactions();
            idle.add(producer);
        }
    }

    /** Produces the whole import in one transaction; throws (after aborting) on any failure. */
    void produce(ImportHeader header, FindingSpool findings) throws InterruptedException, IOException {
        KafkaProducer<String, byte[]> producer = idle.take();
        String key = Long.toString(header.productId());
        boolean recycle = true;
        try {
            producer.beginTransaction();
            send(producer, key, ImportEvent.begin(header));
            findings.forEach(json -> {
                try {
                    send(producer, key, ImportEvent.finding(header.importId(), header.productId(),
                            Json.mapper().readTree(json)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            send(producer, key, ImportEvent.end(header.importId(), header.productId()));
            producer.commitTransaction();
        } catch (KafkaException | java.io.UncheckedIOException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException fenced) {
                recycle = false; // a fenced or broken producer is closed, not reused
                producer.close();
            }
            throw new IOException("Kafka did not accept the import: " + e.getMessage(), e);
        } finally {
            if (recycle) {
                idle.put(producer);
            }
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String key, ImportEvent event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, Json.mapper().writeValueAsBytes(event)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        idle.forEach(KafkaProducer::close);
    }
}
