package io.findingflow.jobs.lifecycle.functions;

import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per product: buffers each import's findings between its begin and end markers (imports of one
 * product may interleave, their transactions committed side by side), then applies it
 * ({@link ImportApplier}) or a single edit ({@link FindingEditApplier}); keeps every finding and
 * the metrics/simple counters in keyed state and emits the changed ClickHouse rows. Row versions
 * are the Kafka offset of the record that caused the change: one product's records share one
 * partition, so versions only grow and a replay rewrites identical rows.
 */
public class FindingLifecycleFunction
        extends KeyedProcessFunction<Long, FindingEventRecord, ClickHouseRow> {

    /** The server time zone's id (a String: ZoneId is not a Flink POJO-friendly field). */
    private final String timeZone;
    private transient MapState<Long, FindingState> findings;
    /** Which findings an import can match, so it does not read all of the product's. */
    private transient FindingIndexes indexes;
    /** Each finding's DefectDojo JSON (UTF-8), apart from the small state imports read. */
    private transient MapState<Long, byte[]> bodies;
    /** The same as text, written by older versions of the job: read when bodies has none. */
    private transient MapState<Long, String> legacyBodies;
    private transient MapState<String, MonthCounts> monthCounts;
    /** Imports whose end marker has not arrived: transactions of concurrent imports interleave. */
    private transient MapState<String, FindingEventRecord> pendingBegins;
    /** Their finding records, by offset. */
    private transient MapState<Long, FindingEventRecord> pendingFindings;
    private transient Counter importsApplied;
    private transient Counter findingsWritten;
    private transient ZoneId zone;

    public FindingLifecycleFunction() {
        this(ZoneOffset.UTC);
    }

    public FindingLifecycleFunction(ZoneId timeZone) {
        this.timeZone = timeZone.getId();
    }

    @Override
    public void open(OpenContext context) {
        zone = ZoneId.of(timeZone);
        findings = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("findings", Long.class, FindingState.class));
        indexes = new FindingIndexes(getRuntimeContext());
        bodies = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("finding-bodies-utf8", Long.class, byte[].class));
        legacyBodies = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("finding-bodies", Long.class, String.class));
        monthCounts = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("month-counts", String.class, MonthCounts.class));
        pendingBegins = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-begins", String.class, FindingEventRecord.class));
        pendingFindings = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("pending-findings", Long.class, FindingEventRecord.class));
        importsApplied = getRuntimeContext().getMetricGroup().counter("importsApplied");
        findingsWritten = getRuntimeContext().getMetricGroup().counter("findingRowsWritten");
    }

    @Override
    public void processElement(FindingEventRecord record, Context ctx, Collector<ClickHouseRow> out)
            throws Exception {
        switch (record.type) {
            case ImportEvent.BEGIN -> pendingBegins.put(record.importId, record);
            case ImportEvent.FINDING -> {
                if (pendingBegins.contains(record.importId)) {
                    pendingFindings.put(record.offset, record);
                }
            }
            case ImportEvent.END -> {
                FindingEventRecord begin = pendingBegins.get(record.importId);
                if (begin != null) {
                    applyImport(begin, takeFindings(record.importId), record, out);
                    pendingBegins.remove(record.importId);
                }
            }
            case ImportEvent.UPDATE -> applyEdit(record, out);
            default -> { } // unknown types come from newer writers: ignore
        }
    }

    /** Removes and returns an import's buffered findings in offset (report) order. */
    private List<FindingEventRecord> takeFindings(String importId) throws Exception {
        List<FindingEventRecord> records = new ArrayList<>();
        for (FindingEventRecord pending : pendingFindings.values()) {
            if (importId.equals(pending.importId)) {
                records.add(pending);
            }
        }
        records.sort((a, b) -> Long.compare(a.offset, b.offset));
        for (FindingEventRecord taken : records) {
            pendingFindings.remove(taken.offset);
        }
        return records;
    }

    private void applyImport(FindingEventRecord begin, List<FindingEventRecord> records, FindingEventRecord end,
            Collector<ClickHouseRow> out) throws Exception {
        ImportHeader header = Json.mapper().readValue(begin.header, ImportHeader.class);
        indexes.ensureBuilt(findings);
        ImportApplier.Outcome outcome =
                ImportApplier.apply(header, indexes.relevantTo(header, records, findings), records, zone);
        SeverityMonthCounter counter = new SeverityMonthCounter(zone);
        List<FindingState> created = new ArrayList<>();
        for (FindingState after : outcome.after().values()) {
            FindingState before = outcome.before().get(after.id);
            if (before == null) {
                created.add(after);
            } else {
                out.collect(ClickHouseRows.superseded(after.productId, after.id, end.offset));
            }
            counter.change(before, after);
            findings.put(after.id, after);
            byte[] body = outcome.newBodies().get(after.id);
            if (body != null) {
                bodies.put(after.id, body);
            } else {
                body = body(after.id);
            }
            out.collect(ClickHouseRows.finding(after, body, end.offset, false));
        }
        indexes.added(created);
        findingsWritten.inc(outcome.after().size());
        emitCounts(end.productId, counter, end.offset, out);
        out.collect(ClickHouseRows.importDone(
                header.importId(), header.testId(), header.engagementId(), header.productId(),
                header.reimport() ? "reimport" : "import", outcome.statistics(),
                header.importedAt(), end.offset, header.testImport()));
        importsApplied.inc();
    }

    private void applyEdit(FindingEventRecord record, Collector<ClickHouseRow> out) throws Exception {
        FindingEdit edit = Json.mapper().readValue(record.edit, FindingEdit.class);
        FindingState current = findings.get(edit.findingId());
        if (current == null) {
            return; // the API checked existence; a concurrent delete got there first
        }
        indexes.ensureBuilt(findings);
        SeverityMonthCounter counter = new SeverityMonthCounter(zone);
        byte[] body = body(current.id);
        if (edit.delete()) {
            counter.change(current, null);
            indexes.removed(current);
            findings.remove(current.id);
            bodies.remove(current.id);
            legacyBodies.remove(current.id);
            out.collect(ClickHouseRows.superseded(current.productId, current.id, record.offset));
            out.collect(ClickHouseRows.finding(current, body, record.offset, true));
        } else {
            FindingEditApplier.Edited edited = FindingEditApplier.apply(current,
                    body == null ? null : new String(body, StandardCharsets.UTF_8), edit);
            byte[] editedBody = edited.body().getBytes(StandardCharsets.UTF_8);
            counter.change(current, edited.state());
            indexes.edited(current, edited.state());
            findings.put(current.id, edited.state());
            bodies.put(current.id, editedBody);
            out.collect(ClickHouseRows.superseded(current.productId, current.id, record.offset));
            out.collect(ClickHouseRows.finding(edited.state(), editedBody, record.offset, false));
        }
        emitCounts(record.productId, counter, record.offset, out);
    }

    /** A finding's body, from the state of older job versions when it was written there. */
    private byte[] body(long id) throws Exception {
        byte[] body = bodies.get(id);
        if (body != null) {
            return body;
        }
        String text = legacyBodies.get(id);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private void emitCounts(long productId, SeverityMonthCounter counter, long version,
            Collector<ClickHouseRow> out) throws Exception {
        for (Map.Entry<String, MonthCounts> delta : counter.deltas().entrySet()) {
            MonthCounts total = monthCounts.get(delta.getKey());
            if (total == null) {
                total = new MonthCounts();
            }
            total.totalVerified += delta.getValue().totalVerified;
            total.totalAny += delta.getValue().totalAny;
            total.closedVerified += delta.getValue().closedVerified;
            total.closedAny += delta.getValue().closedAny;
            monthCounts.put(delta.getKey(), total);
            out.collect(ClickHouseRows.monthCounts(productId, delta.getKey(), total, version));
        }
    }
}
