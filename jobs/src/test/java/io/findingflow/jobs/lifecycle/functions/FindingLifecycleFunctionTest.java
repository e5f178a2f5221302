package io.findingflow.jobs.lifecycle.functions;

import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.finding;
import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.ImportHeader;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import io.findingflow.schemas.Json;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FindingLifecycleFunctionTest {

    private final LifecycleTestSupport events = new LifecycleTestSupport();
    private KeyedOneInputStreamOperatorTestHarness<Long, FindingEventRecord, ClickHouseRow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new FindingLifecycleFunction()), r -> r.productId, Types.LONG);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void feed(List<FindingEventRecord> records) throws Exception {
        for (FindingEventRecord record : records) {
            harness.processElement(record, 0L);
        }
    }

    private List<ClickHouseRow> rows(String table) {
        return harness.extractOutputValues().stream().filter(r -> r.table().equals(table)).toList();
    }

    @Test
    void shouldEmitFindingsCountsAndCompletionOnlyAtTheEndMarker() throws Exception {
        List<FindingEventRecord> records = events.importOf(header("i1", false, 7, 70, 700),
                finding("a", "High", "h1"), finding("b", "High", "h2"));
        feed(records.subList(0, records.size() - 1));
        assertThat(harness.extractOutputValues()).as("nothing before the end marker").isEmpty();
        feed(records.subList(records.size() - 1, records.size()));
        assertThat(rows("findings")).hasSize(2);
        assertThat(rows("imports")).hasSize(1);
        assertThat(rows("finding_month_counts")).singleElement()
                .satisfies(r -> assertThat(r.text()).contains("\"month\":\"2024-03-01\"", "\"severity\":\"High\"",
                        "\"total_verified\":2"));
    }

    @Test
    void shouldApplyInterleavedImportsOfOneProductEachWithItsOwnFindings() throws Exception {
        List<FindingEventRecord> a = events.importOf(header("ia", false, 7, 70, 700), finding("a1", "High", "h1"),
                finding("a2", "High", "h2"));
        List<FindingEventRecord> b = events.importOf(header("ib", false, 7, 70, 701), finding("b1", "Low", "h3"));
        // two transactions committed side by side: begin A, begin B, A's findings, B's finding, end B, end A
        feed(List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2), b.get(2), a.get(3)));
        List<ClickHouseRow> imports = rows("imports");
        assertThat(imports).hasSize(2);
        assertThat(imports.get(0).text()).contains("\"import_id\":\"ib\"", "\"test_id\":701");
        assertThat(rows("findings")).extracting(FindingRowJson::json)
                .filteredOn(json -> json.contains("\"test_id\":700")).hasSize(2);
        assertThat(rows("findings")).extracting(FindingRowJson::json)
                .filteredOn(json -> json.contains("\"test_id\":701")).hasSize(1);
    }

    @Test
    void shouldNotApplyAnImportWhoseEndNeverCame() throws Exception {
        List<FindingEventRecord> aborted = events.importOf(header("i1", false, 7, 70, 700), finding("a", "High", "h1"));
        feed(aborted.subList(0, aborted.size() - 1));
        feed(events.importOf(header("i2", false, 7, 70, 701), finding("b", "Low", "h2")));
        assertThat(rows("findings")).singleElement().satisfies(r -> assertThat(FindingRowJson.json(r)).contains("\"title\":\"b\""));
    }

    @Test
    void shouldMoveACountWhenAnEditMarksAFalsePositive() throws Exception {
        feed(events.importOf(header("i1", false, 7, 70, 700), finding("a", "High", "h1")));
        long id = FindingRowJson.tree(rows("findings").get(0)).path("id").asLong();
        FindingEdit edit = new FindingEdit(id, Json.mapper().createObjectNode().put("false_p", true), false, 1,
                "2024-03-06T00:00:00Z");
        harness.processElement(new FindingEventRecord("update", "req-1", 7, 0, 99, null, null,
                Json.mapper().writeValueAsString(edit)), 0L);
        List<ClickHouseRow> counts = rows("finding_month_counts");
        assertThat(counts.get(counts.size() - 1).text()).contains("\"total_verified\":0", "\"version\":99");
        List<ClickHouseRow> findings = rows("findings");
        assertThat(FindingRowJson.json(findings.get(findings.size() - 1))).contains("\"false_p\":1");
    }

    @Test
    void shouldMarkTheSupersededVersionsBeforeEachRowOfAnExistingFinding() throws Exception {
        feed(events.importOf(header("i1", false, 7, 70, 700), finding("a", "High", "h1")));
        assertThat(rows("finding_superseded")).as("a new finding supersedes nothing").isEmpty();
        long id = FindingRowJson.tree(rows("findings").get(0)).path("id").asLong();
        FindingEdit edit = new FindingEdit(id, Json.mapper().createObjectNode().put("verified", false), false, 1,
                "2024-03-06T00:00:00Z");
        harness.processElement(new FindingEventRecord("update", "req-1", 7, 0, 99, null, null,
                Json.mapper().writeValueAsString(edit)), 0L);
        FindingEdit delete = new FindingEdit(id, Json.mapper().createObjectNode(), true, 1, "2024-03-07T00:00:00Z");
        harness.processElement(new FindingEventRecord("update", "req-2", 7, 0, 120, null, null,
                Json.mapper().writeValueAsString(delete)), 0L);

        List<String> tables = harness.extractOutputValues().stream().map(ClickHouseRow::table)
                .filter(t -> t.startsWith("finding")).toList();
        assertThat(tables).containsSubsequence("finding_superseded", "findings", "finding_superseded", "findings");
        assertThat(rows("finding_superseded")).extracting(ClickHouseRow::text).containsExactly(
                "{\"product_id\":7,\"id\":" + id + ",\"version\":99}",
                "{\"product_id\":7,\"id\":" + id + ",\"version\":120}");
        // each mark comes right before the row of the version it names
        List<ClickHouseRow> all = harness.extractOutputValues();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).table().equals("finding_superseded")) {
                long version = Json.mapper().readTree(all.get(i).text()).path("version").asLong();
                assertThat(all.get(i + 1).table()).isEqualTo("findings");
                assertThat(FindingRowJson.tree(all.get(i + 1)).path("version").asLong()).isEqualTo(version);
            }
        }
    }

    @Test
    void shouldDeduplicateAgainstAUniqueIdGivenByAnEdit() throws Exception {
        ImportHeader first = uniqueIdImport("i1", 700);
        feed(events.importOf(first, finding("a", "High", "h1").put("unique_id_from_tool", "u1")));
        long id = FindingRowJson.tree(rows("findings").get(0)).path("id").asLong();
        FindingEdit edit = new FindingEdit(id, Json.mapper().createObjectNode().put("unique_id_from_tool", "u9"), false,
                1, "2024-03-06T00:00:00Z");
        harness.processElement(new FindingEventRecord("update", "req-1", 7, 0, 99, null, null,
                Json.mapper().writeValueAsString(edit)), 0L);
        feed(events.importOf(uniqueIdImport("i2", 701), finding("b", "High", "h2").put("unique_id_from_tool", "u9")));
        List<ClickHouseRow> findings = rows("findings");
        assertThat(FindingRowJson.json(findings.get(findings.size() - 1))).contains("\"title\":\"b\"", "\"duplicate\":1",
                "\"duplicate_finding\":" + id + ",");
        feed(events.importOf(uniqueIdImport("i3", 702), finding("c", "High", "h3").put("unique_id_from_tool", "u1")));
        findings = rows("findings");
        assertThat(FindingRowJson.json(findings.get(findings.size() - 1))).contains("\"title\":\"c\"", "\"duplicate\":0");
    }

    private static ImportHeader uniqueIdImport(String importId, long test) {
        ImportHeader h = header(importId, false, 7, 70, test);
        return new ImportHeader(h.importId(), false, h.productTypeId(), h.productId(), h.engagementId(), h.testId(),
                h.scanType(), "unique_id_from_tool", h.scanDate(), h.importedAt(), h.userId(), false, "engagement",
                false, true, false, 0);
    }

    @Test
    void shouldBuildTheIndexesFromTheFindingsOfStateWithoutThem() throws Exception {
        feed(events.importOf(header("i1", false, 7, 70, 700), finding("a", "High", "h1")));
        // state as an older job version left it: findings, but no indexes
        KeyedStateBackend<Long> backend = harness.getOperator().getKeyedStateBackend();
        backend.setCurrentKey(7L);
        for (String index : List.of("findings-by-hash", "findings-by-unique-id")) {
            backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                    new MapStateDescriptor<>(index, String.class, long[].class)).clear();
        }
        backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new MapStateDescriptor<>("findings-by-test", Long.class, long[].class)).clear();
        backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("findings-indexed", Boolean.class)).clear();
        feed(events.importOf(header("i2", true, 7, 70, 700), finding("a", "High", "h1")));
        assertThat(rows("findings")).as("the reimport matched the indexed finding: nothing new").hasSize(1);
        assertThat(Json.mapper().readTree(rows("imports").get(1).text()).path("statistics").asText())
                .contains("\"untouched\":{\"info\"");
        feed(events.importOf(withDedup(header("i3", false, 7, 70, 701)), finding("b", "High", "h1")));
        List<ClickHouseRow> findings = rows("findings");
        assertThat(FindingRowJson.json(findings.get(findings.size() - 1))).contains("\"title\":\"b\"", "\"duplicate\":1");
    }

    private static ImportHeader withDedup(ImportHeader h) {
        return LifecycleTestSupport.withOptions(h, false, "engagement", false, true);
    }
}
