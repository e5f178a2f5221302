package io.findingflow.api.metrics;

import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each month's counts of every product in memory and answers metrics/simple without a
 * ClickHouse query per request: the counts only change when the lifecycle job writes
 * finding_month_counts, which the table's {@link TableWatch} shows (own writes at once, other
 * processes' within its staleness bound).
 */
final class CachedMonthCounts implements MonthCountSource {

    /** Months kept; a dashboard walks a year or two, and each month is one small map. */
    static final int MAX_MONTHS = 120;

    private final MonthCountSource source;
    private final VersionedCache<LocalDate, Map<Long, long[]>> months;

    CachedMonthCounts(MonthCountSource source, TableWatch watch) {
        this.source = source;
        this.months = VersionedCache.ofEntries(watch, MAX_MONTHS);
    }

    @Override
    public Map<Long, long[]> byProduct(LocalDate month, Collection<Long> products) {
        Map<Long, long[]> counts = months.get(month, m -> source.byProduct(m, null));
        if (products == null) {
            return java.util.Collections.unmodifiableMap(counts);
        }
        Map<Long, long[]> selected = new HashMap<>();
        for (Long product : products) {
            long[] productCounts = counts.get(product);
            if (productCounts != null) {
                selected.put(product, productCounts);
            }
        }
        return selected;
    }
}
