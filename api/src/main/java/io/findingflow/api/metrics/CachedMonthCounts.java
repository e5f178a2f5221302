package io.findingflow.api.metrics;

import io.findingflow.api.clickhouse.TableWatch;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private record Month(String tableVersion, Map<Long, long[]> counts) {}

    private final MonthCountSource source;
    private final TableWatch watch;
    private final Map<LocalDate, Month> months = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Month> eldest) {
            return size() > MAX_MONTHS;
        }
    };

    CachedMonthCounts(MonthCountSource source, TableWatch watch) {
        this.source = source;
        this.watch = watch;
    }

    @Override
    public Map<Long, long[]> byProduct(LocalDate month, Collection<Long> products) {
        String version = watch.currentVersion();
        Month cached;
        synchronized (months) {
            cached = months.get(month);
        }
        if (cached == null || !cached.tableVersion().equals(version)) {
            // concurrent misses of one month may each load it: the loads are identical, and
            // blocking every request behind one query would cost more than the duplicate reads
            cached = new Month(version, source.byProduct(month, null));
            synchronized (months) {
                months.put(month, cached);
            }
        }
        if (products == null) {
            return java.util.Collections.unmodifiableMap(cached.counts());
        }
        Map<Long, long[]> selected = new HashMap<>();
        for (Long product : products) {
            long[] counts = cached.counts().get(product);
            if (counts != null) {
                selected.put(product, counts);
            }
        }
        return selected;
    }
}
