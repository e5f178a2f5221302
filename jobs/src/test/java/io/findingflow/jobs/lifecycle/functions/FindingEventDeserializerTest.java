package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.FindingRecord;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The one-pass decode against the tree read (readTree, parts written back as text) it replaced. */
class FindingEventDeserializerTest {

    private static final ObjectMapper MAPPER = Json.mapper();
    private final FindingEventDeserializer deserializer = new FindingEventDeserializer();

    /** What the deserializer produced before: every part through a tree. */
    private static FindingEventRecord viaTree(byte[] value, int partition, long offset) throws Exception {
        JsonNode node = MAPPER.readTree(value);
        return new FindingEventRecord(node.path("type").asText(), node.path("import_id").asText(null),
                node.path("product_id").asLong(), partition, offset, textOrNull(node.get("header")),
                textOrNull(node.get("finding")), textOrNull(node.get("edit")));
    }

    private static String textOrNull(JsonNode node) throws Exception {
        return node == null || node.isNull() ? null : MAPPER.writeValueAsString(node);
    }

    private List<FindingEventRecord> deserialize(byte[] value) throws Exception {
        List<FindingEventRecord> out = new ArrayList<>();
        deserializer.deserialize(new ConsumerRecord<>("ff.finding-events", 3, 41L, null, value),
                new Collector<>() {
                    @Override
                    public void collect(FindingEventRecord record) {
                        out.add(record);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    private void assertSameAsTree(byte[] value) throws Exception {
        FindingEventRecord expected = viaTree(value, 3, 41L);
        assertThat(deserialize(value)).singleElement().satisfies(actual -> {
            assertThat(actual).usingRecursiveComparison().ignoringFields("reported", "finding", "findingUtf8")
                    .isEqualTo(expected);
            byte[] body = ImportApplier.body(actual);
            assertThat(body == null ? null : new String(body, StandardCharsets.UTF_8)).isEqualTo(expected.finding);
            if (expected.finding != null) {
                // decoded here, or (a finding that is not an object) when applied
                assertThat(ImportApplier.reported(actual)).usingRecursiveComparison()
                        .isEqualTo(ReportedFindings.fromJson(expected.finding));
            } else {
                assertThat(actual.reported).isNull();
            }
        });
    }

    @Test
    void shouldReadEveryKindOfRecordTheApiWritesAsTheTreeDid() throws Exception {
        ImportHeader header = LifecycleTestSupport.header("imp-1", true, 7, 70, 700);
        JsonNode finding = MAPPER.readTree(
                "{\"title\":\"Ünïcode \\\"quoted\\\" \\n line\",\"severity\":\"High\",\"cwe\":79,\"active\":true,"
                        + "\"endpoints\":[{\"host\":\"h\",\"port\":443}],\"cvssv3_score\":9.8,\"hash_code\":\"x\","
                        + "\"references\":null,\"tags\":[]}");
        FindingEdit edit = new FindingEdit(12, MAPPER.createObjectNode().put("false_p", true), false, 1,
                "2024-03-06T00:00:00Z");
        for (ImportEvent event : List.of(ImportEvent.begin(header), ImportEvent.finding("imp-1", 7, finding),
                ImportEvent.end("imp-1", 7), ImportEvent.update("req-1", 7, edit))) {
            assertSameAsTree(MAPPER.writeValueAsBytes(event));
        }
    }

    @Test
    void shouldReadUnusualRecordsAsTheTreeDid() throws Exception {
        for (String value : List.of(
                "{\"finding\":{},\"product_id\":\"12\",\"type\":\"finding\",\"unknown\":{\"a\":[1]}}",
                "{\"type\":5,\"import_id\":null,\"product_id\":null,\"finding\":null,\"header\":null}",
                "{\"type\":\"finding\",\"finding\":\"not an object\",\"edit\":[1,2]}",
                "{ \"type\" : \"finding\" , \"finding\" : {\"title\":\"t\"} }",
                "[1,2]")) {
            assertSameAsTree(value.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldSkipAnUnreadableRecord() throws Exception {
        assertThat(deserialize("{\"type\":\"finding\",\"finding\":{\"title\":".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void shouldReadACompactFindingRecordAsItsJsonRecord() throws Exception {
        java.util.Random random = new java.util.Random(8);
        String[] texts = {null, "", "plain", "Ünïcode \"q\" \\ \n\t 😀", "2024-03-01", "2024-03-01T10:00:00+02:00"};
        for (int round = 0; round < 500; round++) {
            Finding f = new Finding();
            f.title = texts[random.nextInt(texts.length)];
            f.severity = random.nextInt(5) == 0 ? null : List.of("Critical", "High", "Info", "odd").get(random.nextInt(4));
            f.date = texts[random.nextInt(texts.length)];
            f.hashCode = texts[random.nextInt(texts.length)];
            f.uniqueIdFromTool = texts[random.nextInt(texts.length)];
            f.cwe = random.nextInt(4) == 0 ? null : random.nextInt(3) == 0 ? 0 : random.nextInt(2000);
            f.componentName = texts[random.nextInt(texts.length)];
            f.filePath = texts[random.nextInt(texts.length)];
            f.description = texts[random.nextInt(texts.length)];
            f.active = random.nextBoolean();
            f.verified = random.nextBoolean();
            f.falseP = random.nextBoolean();
            f.outOfScope = random.nextBoolean();
            f.isMitigated = random.nextBoolean();
            f.mitigated = texts[random.nextInt(texts.length)];
            byte[] json = MAPPER.writeValueAsBytes(f);
            // the JSON record the API wrote before, and the compact one it writes now
            byte[] jsonRecord = MAPPER.writeValueAsBytes(ImportEvent.finding("imp-" + round, 7L << 33,
                    MAPPER.readTree(json)));
            byte[] compact = FindingRecord.record(FindingRecord.prefix("imp-" + round, 7L << 33),
                    FindingRecord.findingPart(f, json));

            List<FindingEventRecord> fromJson = deserialize(jsonRecord);
            List<FindingEventRecord> fromCompact = deserialize(compact);

            // kept as it came until its import is applied, then decoded
            assertThat(fromCompact).singleElement().satisfies(record -> {
                assertThat(record.compact).isSameAs(compact);
                assertThat(record.reported).isNull();
            });
            assertThat(ImportApplier.reported(fromCompact.get(0))).usingRecursiveComparison()
                    .isEqualTo(fromJson.get(0).reported);
            assertThat(fromCompact.get(0).compact).isNull();
            assertThat(fromCompact).as("round %d", round).singleElement().usingRecursiveComparison()
                    .isEqualTo(fromJson.get(0));
            assertThat(ImportApplier.body(fromCompact.get(0))).isEqualTo(json);
        }
    }

    @Test
    void shouldSkipATruncatedCompactRecord() throws Exception {
        byte[] compact = FindingRecord.record(FindingRecord.prefix("imp", 7),
                FindingRecord.findingPart(new Finding(), "{}".getBytes(StandardCharsets.UTF_8)));
        assertThat(deserialize(java.util.Arrays.copyOf(compact, compact.length - 1))).isEmpty();
    }
}
