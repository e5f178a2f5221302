package io.findingflow.schemas.custommetrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One custom metric data point. The API writes points to the metric-points topic as
 * {@link MetricPointBatch} records (Kafka key = metric id, so every point of a metric lands in one
 * partition in arrival order); records written before that format hold one point each as this
 * record's JSON, which the Flink job still reads. A point carries the metric's data type and
 * interval, so the Flink job needs no copy of the metric configs; configs never change after
 * creation, and ids are never reused.
 *
 * @param key the key of a keyed metric, "" for a non-keyed one
 * @param date the point's instant, epoch milliseconds UTC
 */
public record MetricPoint(
        @JsonProperty("metric_id") long metricId,
        @JsonProperty("data_type") String dataType,
        @JsonProperty("interval") String interval,
        @JsonProperty("key") String key,
        @JsonProperty("value") double value,
        @JsonProperty("weight") double weight,
        @JsonProperty("date") long date) {}
