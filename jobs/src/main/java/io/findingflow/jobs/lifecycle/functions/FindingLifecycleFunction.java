package io.findingflow.jobs.lifecycle.functions;

import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per product: buffers an import's findings between its begin and end markers, then applies it
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
    private transient MapState<String, MonthCounts> monthCounts;
    private transient ValueState<FindingEventRecord> pendingBegin;
    private transient ListState<FindingEventRecord> pendingFindings;
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
        monthCounts = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("month-counts", String.class, MonthCounts.class));
        pendingBegin = getRuntimeContext().getState(
                new ValueStateDescriptor<>("pending-begin", FindingEventRecord.class));
        pendingFindings = getRuntimeContext().getListState(
                new ListStateDescriptor<>("pending-findings", FindingEventRecord.class));
        importsApplied = getRuntimeContext().getMetricGroup().counter("importsApplied");
        findingsWritten = getRuntimeContext().getMetricGroup().counter("findingRowsWritten");
    }

    @Override
    public void processElement(FindingEventRecord record, Context ctx, Collector<ClickHouseRow> out)
            throws Exception {
        switch (record.type) {
            case ImportEvent.BEGIN -> {
                pendingBegin.update(record);
                pendingFindings.clear();
            }
            case ImportEvent.FINDING -> {
                if (isPending(record)) {
                    pendingFindings.add(record);
                }
            }
            case ImportEvent.END -> {
                if (isPending(record)) {
                    applyImport(record, out);
                }
                pendingBegin.clear();
                pendingFindings.clear();
            }
            case ImportEvent.UPDATE -> applyEdit(record, out);
            default -> { } // unknown types come from newer writers: ignore
        }
    }

    private boolean isPending(FindingEventRecord record) throws Exception {
        FindingEventRecord begin = pendingBegin.value();
        return begin != null && begin.importId != null && begin.importId.equals(record.importId);
    }

    private void applyImport(FindingEventRecord end, Collector<ClickHouseRow> out) throws Exception {
        ImportHeader header = Json.mapper().readValue(pendingBegin.value().header, ImportHeader.class);
        List<FindingState> existing = new ArrayList<>();
        findings.values().forEach(existing::add);
        List<FindingEventRecord> records = new ArrayList<>();
        pendingFindings.get().forEach(records::add);
        ImportApplier.Outcome outcome = ImportApplier.apply(header, existing, records, zone);
        SeverityMonthCounter counter = new SeverityMonthCounter(zone);
        for (FindingState after : outcome.after().values()) {
            counter.change(outcome.before().get(after.id), after);
            findings.put(after.id, after);
            out.collect(ClickHouseRows.finding(after, end.offset, false));
        }
        findingsWritten.inc(outcome.after().size());
        emitCounts(end.productId, counter, end.offset, out);
        out.collect(ClickHouseRows.importDone(
                header.importId(), header.testId(), header.engagementId(), header.productId(),
                header.reimport() ? "reimport" : "import", outcome.statistics(),
                header.importedAt(), end.offset));
        importsApplied.inc();
    }

    private void applyEdit(FindingEventRecord record, Collector<ClickHouseRow> out) throws Exception {
        FindingEdit edit = Json.mapper().readValue(record.edit, FindingEdit.class);
        FindingState current = findings.get(edit.findingId());
        if (current == null) {
            return; // the API checked existence; a concurrent delete got there first
        }
        SeverityMonthCounter counter = new SeverityMonthCounter(zone);
        if (edit.delete()) {
            counter.change(current, null);
            findings.remove(current.id);
            out.collect(ClickHouseRows.finding(current, record.offset, true));
        } else {
            FindingState updated = FindingEditApplier.apply(current, edit);
            counter.change(current, updated);
            findings.put(updated.id, updated);
            out.collect(ClickHouseRows.finding(updated, record.offset, false));
        }
        emitCounts(record.productId, counter, record.offset, out);
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
