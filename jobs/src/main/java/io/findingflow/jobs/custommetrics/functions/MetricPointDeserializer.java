package io.findingflow.jobs.custommetrics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import io.findingflow.schemas.custommetrics.MetricPoint;
import java.io.IOException;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka record → {@link MetricPointRecord} with its bucket and Kafka position. */
public class MetricPointDeserializer implements KafkaRecordDeserializationSchema<MetricPointRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricPointDeserializer.class);
    private transient ObjectMapper mapper;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<MetricPointRecord> out) {
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

    /** The record of one point read at (partition, offset). */
    public static MetricPointRecord toRecord(MetricPoint point, MetricInterval interval, int partition, long offset) {
        return new MetricPointRecord(point.metricId(), point.dataType(), interval.label(),
                point.key() == null ? "" : point.key(), point.value(), point.weight(), point.date(),
                interval.bucketStart(point.date()), partition, offset);
    }

    private static void skip(ConsumerRecord<byte[], byte[]> record, String why) {
        LOG.warn("Skipping {} metric point at {}-{}@{}", why, record.topic(), record.partition(), record.offset());
    }

    @Override
    public TypeInformation<MetricPointRecord> getProducedType() {
        return TypeInformation.of(MetricPointRecord.class);
    }
}
