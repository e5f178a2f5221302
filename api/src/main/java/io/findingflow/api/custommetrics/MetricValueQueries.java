package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.ClickHouseUnavailableException;
import io.findingflow.schemas.Sql;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads custom_metric_values. Rows are upserts versioned by the Kafka offset of the point that
 * wrote them, so the current value of a bucket is {@code argMax(value, version)} (correct before
 * and after ReplacingMergeTree merges). Buckets travel as epoch seconds both ways.
 */
public final class MetricValueQueries {

    /** One bucket of one key of one metric. */
    public record BucketRef(long metricId, String key, long bucket) {}

    /** A bucket's current value and the offset of the last point applied to it. */
    public record BucketValue(double value, long version) {}

    /** One point of a series. */
    public record SeriesRow(String key, long bucket, double value, long count) {}

    private final ClickHouseReader clickHouse;

    public MetricValueQueries(ClickHouseReader clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** The current value of each bucket that has a row. */
    public Map<BucketRef, BucketValue> latest(Collection<BucketRef> refs) {
        Map<BucketRef, BucketValue> values = new HashMap<>();
        if (refs.isEmpty()) {
            return values;
        }
        StringBuilder tuples = new StringBuilder();
        List<Long> metricIds = new ArrayList<>();
        for (BucketRef ref : refs) {
            tuples.append(tuples.length() == 0 ? "" : ", ").append('(').append(Sql.number(ref.metricId())).append(", ")
                    .append(Sql.quote(ref.key())).append(", toDateTime(").append(Sql.number(ref.bucket())).append("))");
            metricIds.add(ref.metricId());
        }
        String sql = "SELECT metric_id, key_name, toUInt32(bucket) AS b, argMax(value, version) AS v,"
                + " max(version) AS ver FROM custom_metric_values WHERE metric_id IN (" + Sql.numbers(metricIds)
                + ") AND (metric_id, key_name, bucket) IN (" + tuples + ") GROUP BY metric_id, key_name, bucket";
        for (ObjectNode row : clickHouse.rows(sql)) {
            BucketRef ref = new BucketRef(
                    row.path("metric_id").asLong(), row.path("key_name").asText(), row.path("b").asLong());
            values.put(ref, new BucketValue(row.path("v").asDouble(), row.path("ver").asLong()));
        }
        return values;
    }

    /** The series of a metric, ordered by key and bucket, and how many rows it has in all. */
    public record Series(long total, List<SeriesRow> rows) {}

    public Series series(long metricId, String key, Long fromBucket, Long toBucket, ResultPage page) {
        StringBuilder where = new StringBuilder("metric_id = ").append(Sql.number(metricId));
        if (key != null) {
            where.append(" AND key_name = ").append(Sql.quote(key));
        }
        if (fromBucket != null) {
            where.append(" AND bucket >= toDateTime(").append(Sql.number(fromBucket)).append(')');
        }
        if (toBucket != null) {
            where.append(" AND bucket <= toDateTime(").append(Sql.number(toBucket)).append(')');
        }
        String grouped = " FROM custom_metric_values WHERE " + where + " GROUP BY key_name, bucket";
        try {
            long total = clickHouse.rows("SELECT count() AS n FROM (SELECT 1" + grouped + ")")
                    .get(0).path("n").asLong();
            List<SeriesRow> rows = new ArrayList<>();
            for (ObjectNode row : clickHouse.rows("SELECT key_name, toUInt32(bucket) AS b, argMax(value, version) AS v,"
                    + " argMax(count, version) AS c" + grouped + " ORDER BY key_name, b LIMIT "
                    + Sql.number(page.start()) + ", " + Sql.number(page.limit()))) {
                rows.add(new SeriesRow(row.path("key_name").asText(), row.path("b").asLong(), row.path("v").asDouble(),
                        row.path("c").asLong()));
            }
            return new Series(total, rows);
        } catch (ClickHouseUnavailableException e) {
            throw TcResponses.failure(503, "The metric store is not available; retry");
        }
    }
}
