package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.schemas.Json;
import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Kafka record → {@link FindingEventRecord}, keeping the record's partition and offset. */
public class FindingEventDeserializer implements KafkaRecordDeserializationSchema<FindingEventRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(FindingEventDeserializer.class);
    private transient ObjectMapper mapper;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<FindingEventRecord> out)
            throws IOException {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        JsonNode node;
        try {
            node = mapper.readTree(record.value());
        } catch (IOException e) {
            // only the API writes this topic; a record it did not write is skipped, not fatal
            LOG.warn("Skipping unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        out.collect(
                new FindingEventRecord(
                        node.path("type").asText(),
                        node.path("import_id").asText(null),
                        node.path("product_id").asLong(),
                        record.partition(),
                        record.offset(),
                        textOrNull(node.get("header")),
                        textOrNull(node.get("finding")),
                        textOrNull(node.get("edit"))));
    }

    private String textOrNull(JsonNode node) throws IOException {
        return node == null || node.isNull() ? null : mapper.writeValueAsString(node);
    }

    @Override
    public TypeInformation<FindingEventRecord> getProducedType() {
        return TypeInformation.of(FindingEventRecord.class);
    }
}
