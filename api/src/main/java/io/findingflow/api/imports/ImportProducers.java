package io.findingflow.api.imports;

import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
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
    private final String bootstrap;
    private final String instance;
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();

    public ImportProducers(String bootstrap, String topic, int size) {
        this.topic = topic;
        this.bootstrap = bootstrap;
        this.instance = UUID.randomUUID().toString();
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(newProducer());
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "findingflow-api-" + instance + "-" + sequence.getAndIncrement());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // an import's records all go to one partition: 1 MiB batches mean a few produce requests per
        // import, and the broker's cost is mostly per request (transaction verification, append)
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1024 * 1024));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        return producer;
    }

    /** Sends one record of the current transaction; the future completes with its position. */
    public interface Sender {
        Future<RecordMetadata> send(String key, ImportEvent event);
    }

    /** The records of one transaction. */
    public interface TransactionBody<T> {
        T run(Sender sender) throws IOException;
    }

    /** A sender that also takes a record already written as JSON bytes. */
    interface EncodedSender extends Sender {
        Future<RecordMetadata> send(String key, byte[] value);
    }

    /** The records of one transaction, some already encoded. */
    interface EncodedTransactionBody<T> {
        T run(EncodedSender sender) throws IOException;
    }

    /**
     * Runs {@code body} in one Kafka transaction on a pooled producer and commits; on any failure
     * the transaction is aborted (nothing becomes visible) and an IOException is thrown.
     */
    public <T> T transaction(TransactionBody<T> body) throws InterruptedException, IOException {
        return encodedTransaction(body::run);
    }

    private <T> T encodedTransaction(EncodedTransactionBody<T> body) throws InterruptedException, IOException {
        KafkaProducer<String, byte[]> producer = idle.take();
        boolean recycle = true;
        try {
            producer.beginTransaction();
            T result = body.run(new EncodedSender() {
                @Override
                public Future<RecordMetadata> send(String key, ImportEvent event) {
                    return send(key, bytes(event));
                }

                @Override
                public Future<RecordMetadata> send(String key, byte[] value) {
                    return producer.send(new ProducerRecord<>(topic, key, value));
                }
            });
            producer.commitTransaction();
            return result;
        } catch (KafkaException | java.io.UncheckedIOException | IOException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException fenced) {
                recycle = false; // a fenced or broken producer is closed and replaced
                producer.close(Duration.ZERO);
                idle.put(newProducer());
            }
            throw new IOException("Kafka did not accept the records: " + e.getMessage(), e);
        } finally {
            if (recycle) {
                idle.put(producer);
            }
        }
    }

    /** The whole import: begin marker, every finding, end marker, keyed by product. */
    void produce(ImportHeader header, FindingSpool findings) throws InterruptedException, IOException {
        String key = Long.toString(header.productId());
        FindingRecordFrame frame = new FindingRecordFrame(header.importId(), header.productId());
        encodedTransaction(sender -> {
            sender.send(key, ImportEvent.begin(header));
            findings.forEach(finding -> sender.send(key, frame.around(finding)));
            sender.send(key, ImportEvent.end(header.importId(), header.productId()));
            return null;
        });
    }

    private static byte[] bytes(ImportEvent event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        idle.forEach(KafkaProducer::close);
    }
}
