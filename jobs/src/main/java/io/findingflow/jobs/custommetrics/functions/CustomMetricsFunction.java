package io.findingflow.jobs.custommetrics.functions;

import io.findingflow.jobs.custommetrics.records.MetricAggregate;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.custommetrics.MetricDataType;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (metric, bucket, key): keeps the bucket's aggregate and upserts its row, versioned by
 * the Kafka offset of the last point applied. An element holds all points of one Kafka record for
 * the bucket, applied in arrival order with one state read and write. Buckets are never closed, so a point with an old
 * date simply updates its old bucket; a replay after a failure rewrites identical rows.
 *
 * <p>Rows are coalesced: a point arms a processing-time timer at the end of the current
 * {@code flushMillis} window unless one is pending (the aggregate remembers it), which writes the
 * bucket's latest state once. A bucket hit by 10,000 points in 5 ms costs one row, not 10,000, and every
 * point is in ClickHouse at most {@code flushMillis} later than with a row per point. Timers are
 * part of checkpoints, so no row is lost to a failure. {@code flushMillis = 0} writes a row per
 * element (for bounded inputs, whose pending timers never fire at end of input).
 */
public class CustomMetricsFunction extends KeyedProcessFunction<String, MetricPointRecord, ClickHouseRow> {

    public static final long DEFAULT_FLUSH_MILLIS = 5;

    private final long flushMillis;
    private transient ValueState<MetricAggregate> aggregate;
    private transient Counter pointsApplied;
    private transient Counter rowsEmitted;

    public CustomMetricsFunction(long flushMillis) {
        if (flushMillis < 0) {
            throw new IllegalArgumentException("flushMillis must be at least 0");
        }
        this.flushMillis = flushMillis;
    }

    @Override
    public void open(OpenContext context) {
        aggregate = getRuntimeContext().getState(new ValueStateDescriptor<>("aggregate", MetricAggregate.class));
        pointsApplied = getRuntimeContext().getMetricGroup().counter("metricPointsApplied");
        rowsEmitted = getRuntimeContext().getMetricGroup().counter("metricRowsEmitted");
    }

    @Override
    public void processElement(MetricPointRecord points, Context ctx, Collector<ClickHouseRow> out)
            throws Exception {
        if (MetricDataType.of(points.dataType).isEmpty()) {
            return; // the deserializer drops these; a newer writer's type is not ours to guess
        }
        MetricAggregate next = aggregate.value();
        for (int i = 0; i < points.size(); i++) {
            next = MetricAggregator.add(next, points.values[i], points.weights[i], points.dates[i]);
        }
        next.dataType = points.dataType;
        next.version = points.offset;
        pointsApplied.inc(points.size());
        if (flushMillis == 0) {
            emit(ctx.getCurrentKey(), next, out);
        } else {
            long now = ctx.timerService().currentProcessingTime();
            if (next.flushAt <= now) { // no timer pending: one registration per key and window (RocksDB)
                next.flushAt = now - Math.floorMod(now, flushMillis) + flushMillis;
                ctx.timerService().registerProcessingTimeTimer(next.flushAt);
            }
        }
        aggregate.update(next);
    }

    /** The window ended: write the bucket's latest state (the one timer pending means it changed). */
    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ClickHouseRow> out) throws Exception {
        MetricAggregate current = aggregate.value();
        if (current != null) {
            emit(ctx.getCurrentKey(), current, out);
        }
    }

    private void emit(String stateKey, MetricAggregate a, Collector<ClickHouseRow> out) {
        double value = MetricAggregator.value(a, MetricDataType.of(a.dataType).orElseThrow());
        out.collect(MetricRows.row(stateKey, a, value));
        rowsEmitted.inc();
    }
}
