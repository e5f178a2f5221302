package io.findingflow.api.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.schemas.Sql;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads finding_month_counts: the lifecycle job upserts absolute counters per (product, month,
 * severity) with growing versions, so the latest row of each key (argMax by version) is exact
 * even before ReplacingMergeTree has merged the older ones away.
 */
final class MonthCountQueries implements MonthCountSource {

    private final ClickHouseReader clickHouse;
    private final boolean enforceVerified;

    MonthCountQueries(ClickHouseReader clickHouse, boolean enforceVerified) {
        this.clickHouse = clickHouse;
        this.enforceVerified = enforceVerified;
    }

    @Override
    public Map<Long, long[]> byProduct(LocalDate month, Collection<Long> products) {
        Map<Long, long[]> counts = new HashMap<>();
        if (products != null && products.isEmpty()) {
            return counts;
        }
        String total = enforceVerified ? "total_verified" : "total_any";
        String closed = enforceVerified ? "closed_verified" : "closed_any";
        String sql = "SELECT product_id, severity, argMax(" + total + ", version) AS t, argMax(" + closed
                + ", version) AS c FROM finding_month_counts WHERE month = toDate(" + Sql.quote(month.toString())
                + ")" + (products == null ? "" : " AND product_id IN (" + Sql.numbers(products) + ")")
                + " GROUP BY product_id, severity";
        for (ObjectNode row : clickHouse.rows(sql)) {
            long[] c = counts.computeIfAbsent(row.path("product_id").asLong(), k -> new long[SIZE]);
            c[severityIndex(row.path("severity").asText())] += row.path("t").asLong();
            c[CLOSED] += row.path("c").asLong();
        }
        return counts;
    }

    /** metrics/simple's five buckets: anything not Critical/High/Medium/Low counts as info. */
    static int severityIndex(String severity) {
        switch (severity) {
            case "Critical":
                return CRITICAL;
            case "High":
                return HIGH;
            case "Medium":
                return MEDIUM;
            case "Low":
                return LOW;
            default:
                return INFO;
        }
    }
}
