package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.ReportedFinding;
import io.findingflow.schemas.FindingRecord;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka record → {@link FindingEventRecord}, keeping the record's partition and offset. Finding
 * records come in the compact form (FindingRecord: typed fields, then the JSON) from the API, or
 * as JSON (records written before it, and by tests); begin, end and update records are JSON. JSON
 * is read in one streaming pass: the finding's fields are decoded into
 * {@link FindingEventRecord#reported} and its JSON is kept as the record's own bytes (a header's
 * or an edit's as text), not parsed and written again.
 */
public class FindingEventDeserializer implements KafkaRecordDeserializationSchema<FindingEventRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(FindingEventDeserializer.class);
    private transient ObjectMapper mapper;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<FindingEventRecord> out) {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        FindingEventRecord event;
        try {
            event = FindingRecord.isCompact(record.value()) ? readCompact(record.value()) : read(record.value());
        } catch (IOException | IllegalArgumentException e) {
            // only the API writes this topic; a record it did not write is skipped, not fatal
            LOG.warn("Skipping unreadable record at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return;
        }
        event.partition = record.partition();
        event.offset = record.offset();
        out.collect(event);
    }

    /**
     * A finding record in the compact form (FindingRecord): only its import id and product are read
     * now; the record keeps the value as it is and is decoded when its import is applied
     * ({@link #expand}).
     */
    static FindingEventRecord readCompact(byte[] value) {
        FindingRecord.Header header = FindingRecord.header(value);
        FindingEventRecord event = new FindingEventRecord();
        event.type = ImportEvent.FINDING;
        event.importId = header.importId();
        event.productId = header.productId();
        event.compact = value;
        return event;
    }

    /**
     * Decodes a compact record's typed fields and JSON into {@link FindingEventRecord#reported} and
     * {@link FindingEventRecord#findingUtf8} (once: the compact value is dropped); other records are
     * left as they are.
     */
    static void expand(FindingEventRecord event) {
        if (event.compact == null) {
            return;
        }
        FindingRecord.Decoded d = FindingRecord.read(event.compact);
        ReportedFinding f = new ReportedFinding();
        f.title = d.title();
        f.severity = d.severity();
        f.date = d.date();
        f.hashCode = d.hashCodeText();
        f.uniqueIdFromTool = d.uniqueIdFromTool();
        f.cwe = d.cwe();
        f.componentName = d.componentName();
        f.filePath = d.filePath();
        f.active = d.active();
        f.verified = d.verified();
        f.falseP = d.falseP();
        f.outOfScope = d.outOfScope();
        f.riskAccepted = d.riskAccepted();
        f.isMitigated = d.isMitigated();
        f.mitigated = d.mitigated();
        event.reported = f;
        event.findingUtf8 = d.json();
        event.compact = null;
    }

    /** A JSON record's fields, as {@code readTree} and {@code path(..).asText()} etc. would give them. */
    FindingEventRecord read(byte[] value) throws IOException {
        if (mapper == null) {
            mapper = Json.mapper();
        }
        FindingEventRecord event = new FindingEventRecord();
        JsonNode missing = MissingNode.getInstance();
        event.type = missing.asText();
        event.importId = missing.asText(null);
        event.productId = missing.asLong();
        JsonFactory factory = mapper.getFactory();
        try (JsonParser parser = factory.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return event;
            }
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> event.type = token == JsonToken.VALUE_STRING
                            ? parser.getText() : tree(parser, token).asText();
                    case "import_id" -> event.importId = token == JsonToken.VALUE_STRING
                            ? parser.getText() : tree(parser, token).asText(null);
                    case "product_id" -> event.productId = token == JsonToken.VALUE_NUMBER_INT
                            && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                            ? parser.getLongValue() : tree(parser, token).asLong();
                    case "header" -> event.header = text(parser, token, value);
                    case "finding" -> {
                        if (token == JsonToken.START_OBJECT) {
                            int start = (int) parser.currentTokenLocation().getByteOffset();
                            event.reported = ReportedFindings.read(parser);
                            event.findingUtf8 = Arrays.copyOfRange(value, start, end(parser));
                        } else {
                            event.reported = null;
                            event.finding = text(parser, token, value);
                        }
                    }
                    case "edit" -> event.edit = text(parser, token, value);
                    default -> parser.skipChildren();
                }
            }
        }
        return event;
    }

    /** A part's JSON text: null for JSON null, else exactly as written in the record. */
    private String text(JsonParser parser, JsonToken token, byte[] value) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int start = (int) parser.currentTokenLocation().getByteOffset();
            parser.skipChildren();
            return slice(value, start, parser);
        }
        return mapper.writeValueAsString(mapper.readTree(parser));
    }

    /** From {@code start} to the parser's current closing bracket, inclusive. */
    private static String slice(byte[] value, int start, JsonParser parser) {
        return new String(value, start, end(parser) - start, StandardCharsets.UTF_8);
    }

    /** Just after the parser's current token (a closing bracket). */
    private static int end(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset() + 1;
    }

    private JsonNode tree(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_NULL ? NullNode.getInstance() : mapper.readTree(parser);
    }

    @Override
    public TypeInformation<FindingEventRecord> getProducedType() {
        return TypeInformation.of(FindingEventRecord.class);
    }
}
