package io.findingflow.jobs.custommetrics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.custommetrics.records.MetricPointRecordTypeInfo;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import io.findingflow.schemas.custommetrics.MetricPoint;
import io.findingflow.schemas.custommetrics.MetricPointBatch;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka record → one {@link MetricPointRecord} per bucket and key its points fall into, with the
 * record's position. Reads {@link MetricPointBatch} records, and the single-point JSON records the
 * API wrote before that format (the topic keeps them forever, and a job without a checkpoint
 * replays them). Anything else is skipped with a warning.
 */
public class MetricPointDeserializer implements KafkaRecordDeserializationSchema<MetricPointRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricPointDeserializer.class);
    private transient ObjectMapper mapper;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<MetricPointRecord> out) {
        if (MetricPointBatch.isBatch(record.value())) {
            MetricPointBatch batch;
            try {
                batch = MetricPointBatch.decode(record.value());
            } catch (IllegalArgumentException e) {
                skip(record, "unreadable (" + e.getMessage() + ")");
                return;
            }
            Optional<MetricInterval> interval = MetricInterval.of(batch.interval());
            if (interval.isEmpty() || MetricDataType.of(batch.dataType()).isEmpty()) {
                skip(record, "unknown data type or interval");
                return;
            }
            emitByBucket(batch, interval.get(), record.partition(), record.offset(), out);
        } else {
            deserializeJson(record, out);
        }
    }

    /** A single-point JSON record (the format before {@link MetricPointBatch}). */
    private void deserializeJson(ConsumerRecord<byte[], byte[]> record, Collector<MetricPointRecord> out) {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        MetricPoint point;
        try {
            point = mapper.readValue(record.value(), MetricPoint.class);
        } catch (IOException e) {
            skip(record, "unreadable");
            return;
        }
        Optional<MetricInterval> interval = MetricInterval.of(point.interval());
        if (interval.isEmpty() || MetricDataType.of(point.dataType()).isEmpty()) {
            // only the API writes this topic; a record it did not write is skipped, not fatal
            skip(record, "unknown data type or interval");
            return;
        }
        out.collect(toRecord(point, interval.get(), record.partition(), record.offset()));
    }

    /** The batch's points grouped by (bucket, key), each group in arrival order, groups by first point. */
    static void emitByBucket(MetricPointBatch batch, MetricInterval interval, int partition, long offset,
            Collector<MetricPointRecord> out) {
        int size = batch.size();
        Map<BucketOfKey, Integer> groups = new HashMap<>();
        int[] groupOf = new int[size];
        long[] buckets = new long[size];
        int[] counts = new int[Math.min(size, 16)];
        for (int i = 0; i < size; i++) {
            long bucket = interval.bucketStart(batch.dates()[i]);
            Integer group = groups.putIfAbsent(new BucketOfKey(bucket, batch.keyIndexes()[i]), groups.size());
            int g = group == null ? groups.size() - 1 : group;
            if (g == counts.length) {
                counts = Arrays.copyOf(counts, Math.min(size, counts.length * 2));
            }
            groupOf[i] = g;
            buckets[g] = bucket;
            counts[g]++;
        }
        int groupCount = groups.size();
        MetricPointRecord[] records = new MetricPointRecord[groupCount];
        int[] filled = new int[groupCount];
        for (int i = 0; i < size; i++) {
            int g = groupOf[i];
            MetricPointRecord r = records[g];
            if (r == null) {
                int n = counts[g];
                r = new MetricPointRecord(batch.metricId(), batch.dataType(), interval.label(), batch.key(i),
                        buckets[g], partition, offset, new double[n], new double[n], new long[n]);
                records[g] = r;
            }
            int at = filled[g]++;
            r.values[at] = batch.values()[i];
            r.weights[at] = batch.weights()[i];
            r.dates[at] = batch.dates()[i];
        }
        for (MetricPointRecord r : records) {
            out.collect(r);
        }
    }

    private record BucketOfKey(long bucket, int keyIndex) {}

    /** The record of one point read at (partition, offset). */
    public static MetricPointRecord toRecord(MetricPoint point, MetricInterval interval, int partition, long offset) {
        return new MetricPointRecord(point.metricId(), point.dataType(), interval.label(),
                point.key() == null ? "" : point.key(), interval.bucketStart(point.date()), partition, offset,
                new double[] {point.value()}, new double[] {point.weight()}, new long[] {point.date()});
    }

    private static void skip(ConsumerRecord<byte[], byte[]> record, String why) {
        LOG.warn("Skipping {} metric point record at {}-{}@{}", why, record.topic(), record.partition(),
                record.offset());
    }

    @Override
    public TypeInformation<MetricPointRecord> getProducedType() {
        return MetricPointRecordTypeInfo.INSTANCE;
    }
}
