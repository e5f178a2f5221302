package io.findingflow.jobs.custommetrics.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.custommetrics.records.MetricAggregate;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;

/**
 * Renders an aggregate as a JSONEachRow line of custom_metric_values. The bucket goes in as epoch
 * seconds (a number), which ClickHouse reads as an instant whatever the server's time zone.
 */
final class MetricRows {

    static final String TABLE = "custom_metric_values";

    private MetricRows() {}

    static ClickHouseRow row(MetricPointRecord point, MetricAggregate aggregate, double value) {
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("metric_id", point.metricId);
        row.put("key_name", point.key);
        row.put("bucket", point.bucket);
        row.put("value", value);
        row.put("count", aggregate.count);
        row.put("weight_sum", aggregate.weightSum);
        row.put("version", point.offset);
        try {
            return new ClickHouseRow(TABLE, Json.mapper().writeValueAsString(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a custom metric row", e);
        }
    }
}
