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
 * Keyed by (metric, bucket, key): keeps the bucket's aggregate and upserts its row on every point,
 * versioned by the point's Kafka offset. Buckets are never closed, so a point with an old date
 * simply updates its old bucket; a replay after a failure rewrites identical rows.
 */
public class CustomMetricsFunction extends KeyedProcessFunction<String, MetricPointRecord, ClickHouseRow> {

    private transient ValueState<MetricAggregate> aggregate;
    private transient Counter pointsApplied;

    @Override
    public void open(OpenContext context) {
        aggregate = getRuntimeContext().getState(new ValueStateDescriptor<>("aggregate", MetricAggregate.class));
        pointsApplied = getRuntimeContext().getMetricGroup().counter("metricPointsApplied");
    }

    @Override
    public void processElement(MetricPointRecord point, Context ctx, Collector<ClickHouseRow> out)
            throws Exception {
        MetricDataType type = MetricDataType.of(point.dataType).orElse(null);
        if (type == null) {
            return; // the deserializer drops these; a newer writer's type is not ours to guess
        }
        MetricAggregate next = MetricAggregator.add(aggregate.value(), point.value, point.weight, point.date);
        aggregate.update(next);
        out.collect(MetricRows.row(point, next, MetricAggregator.value(next, type)));
        pointsApplied.inc();
    }
}
