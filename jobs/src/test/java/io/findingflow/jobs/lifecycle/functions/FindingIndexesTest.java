package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * Imports that read only indexed findings must do exactly what imports over all of the product's
 * findings did: random imports, reimports and edits (unique id changes, deletes) with random options,
 * through the function and through ImportApplier over every finding, give the same rows.
 */
class FindingIndexesTest {

    private static final List<String> ALGORITHMS =
            List.of("hash_code", "unique_id_from_tool", "unique_id_from_tool_or_hash_code", "legacy");

    /** The lifecycle over a plain map of every finding, as before the indexes. */
    private static final class AllFindings {
        final Map<Long, FindingState> findings = new LinkedHashMap<>();
        final Map<Long, byte[]> bodies = new LinkedHashMap<>();

        List<String> apply(ImportHeader header, List<FindingEventRecord> records, long version) {
            ImportApplier.Outcome outcome = ImportApplier.apply(header, new ArrayList<>(findings.values()), records);
            List<String> rows = new ArrayList<>();
            for (FindingState after : outcome.after().values()) {
                findings.put(after.id, after);
                byte[] body = outcome.newBodies().get(after.id);
                if (body != null) {
                    bodies.put(after.id, body);
                }
                rows.add(FindingRowJson.json(ClickHouseRows.finding(after, bodies.get(after.id), version, false)));
            }
            rows.add(outcome.statistics().toString());
            return rows;
        }

        List<String> edit(FindingEdit edit, long version) {
            FindingState current = findings.get(edit.findingId());
            if (edit.delete()) {
                findings.remove(current.id);
                return List.of(FindingRowJson.json(ClickHouseRows.finding(current, bodies.remove(current.id), version, true)));
            }
            FindingEditApplier.Edited edited = FindingEditApplier.apply(current,
                    new String(bodies.get(current.id), StandardCharsets.UTF_8), edit);
            findings.put(current.id, edited.state());
            bodies.put(current.id, edited.body().getBytes(StandardCharsets.UTF_8));
            return List.of(FindingRowJson.json(ClickHouseRows.finding(edited.state(), bodies.get(current.id), version, false)));
        }
    }

    @Test
    void shouldChangeExactlyWhatAnImportOverAllFindingsChanged() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            runScenario(new Random(seed));
        }
    }

    private void runScenario(Random random) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<Long, FindingEventRecord, ClickHouseRow> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new FindingLifecycleFunction()), r -> r.productId, Types.LONG);
        harness.open();
        AllFindings reference = new AllFindings();
        long offset = 0;
        List<Long> tests = new ArrayList<>(List.of(700L));
        for (int step = 0; step < 40; step++) {
            int before = harness.extractOutputValues().size();
            List<String> expected;
            if (step > 3 && random.nextInt(4) == 0 && !reference.findings.isEmpty()) {
                List<Long> ids = new ArrayList<>(reference.findings.keySet());
                long id = ids.get(random.nextInt(ids.size()));
                ObjectNode changes = Json.mapper().createObjectNode();
                boolean delete = random.nextInt(3) == 0;
                if (!delete) {
                    switch (random.nextInt(3)) {
                        case 0 -> changes.put("unique_id_from_tool", "u" + random.nextInt(6));
                        case 1 -> changes.put("active", random.nextBoolean());
                        default -> changes.put("is_mitigated", random.nextBoolean());
                    }
                }
                FindingEdit edit = new FindingEdit(id, changes, delete, 1, "2024-03-06T00:00:00Z");
                expected = reference.edit(edit, offset);
                harness.processElement(new FindingEventRecord(ImportEvent.UPDATE, "req", 7, 0, offset++, null, null,
                        Json.mapper().writeValueAsString(edit)), 0L);
            } else {
                boolean reimport = random.nextBoolean();
                long test = reimport || random.nextBoolean() ? tests.get(random.nextInt(tests.size())) : 701 + step;
                if (!tests.contains(test)) {
                    tests.add(test);
                }
                ImportHeader header = new ImportHeader("i" + step, reimport, 1, 7, 70 + random.nextInt(2), test,
                        "Trivy Scan", ALGORITHMS.get(random.nextInt(ALGORITHMS.size())),
                        random.nextBoolean() ? "2024-03-05" : null, "2024-03-05 10:00:00", 1, random.nextBoolean(),
                        random.nextBoolean() ? "product" : "engagement", random.nextBoolean(), random.nextBoolean(),
                        random.nextBoolean(), 0);
                List<FindingEventRecord> records = new ArrayList<>();
                records.add(new FindingEventRecord(ImportEvent.BEGIN, header.importId(), 7, 0, offset++,
                        Json.mapper().writeValueAsString(header), null, null));
                int count = random.nextInt(6);
                for (int i = 0; i < count; i++) {
                    ObjectNode finding = LifecycleTestSupport.finding("t" + random.nextInt(5),
                            List.of("High", "Low", "Critical").get(random.nextInt(3)), "h" + random.nextInt(6));
                    if (random.nextBoolean()) {
                        finding.put("unique_id_from_tool", "u" + random.nextInt(6));
                    }
                    if (random.nextInt(5) == 0) {
                        finding.putNull("hash_code");
                    }
                    records.add(new FindingEventRecord(ImportEvent.FINDING, header.importId(), 7, 0, offset++, null,
                            finding.toString(), null));
                }
                long end = offset++;
                records.add(new FindingEventRecord(ImportEvent.END, header.importId(), 7, 0, end, null, null, null));
                expected = reference.apply(header, records.subList(1, records.size() - 1), end);
                for (FindingEventRecord record : records) {
                    harness.processElement(record, 0L);
                }
            }
            List<String> actual = new ArrayList<>();
            for (ClickHouseRow row : harness.extractOutputValues().subList(before, harness.extractOutputValues().size())) {
                if (row.table().equals("findings")) {
                    actual.add(FindingRowJson.json(row));
                } else if (row.table().equals("imports")) {
                    actual.add(Json.mapper().readTree(row.text()).path("statistics").asText());
                }
            }
            assertThat(actual).as("step %d", step).isEqualTo(expected);
        }
        harness.close();
    }
}
