package io.findingflow.jobs.custommetrics.functions;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import io.findingflow.schemas.custommetrics.MetricPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Builds points as the deserializer would (bucket computed, offsets in arrival order) and reads rows back. */
public final class MetricPointsTestSupport {

    private long nextOffset;

    /** A point of metric {@code metricId} arriving now (offset = arrival order). */
    public MetricPointRecord point(long metricId, MetricDataType type, MetricInterval interval, String key,
            double value, double weight, String isoDate) {
        MetricPoint point = new MetricPoint(metricId, type.label(), interval.label(), key, value, weight,
                Instant.parse(isoDate).toEpochMilli());
        return MetricPointDeserializer.toRecord(point, interval, 0, nextOffset++);
    }

    public static long seconds(String isoDate) {
        return Instant.parse(isoDate).getEpochSecond();
    }

    public static JsonNode json(ClickHouseRow row) {
        try {
            return Json.mapper().readTree(row.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last row written for (key, bucket start), i.e. the bucket's current state. */
    public static JsonNode latest(List<ClickHouseRow> rows, String key, String bucketStart) {
        JsonNode found = null;
        for (ClickHouseRow row : rows) {
            JsonNode json = json(row);
            if (json.path("key_name").asText().equals(key) && json.path("bucket").asLong() == seconds(bucketStart)) {
                found = json;
            }
        }
        if (found == null) {
            throw new AssertionError("no row for key '" + key + "' in bucket " + bucketStart + " among " + rows);
        }
        return found;
    }

    /** What a bucket holding the single value {@code v} reads as, for every data type. */
    public static double single(MetricDataType type, double v) {
        return type == MetricDataType.COUNT ? 1 : v;
    }
}
