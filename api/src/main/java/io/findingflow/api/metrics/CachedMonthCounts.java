package io.findingflow.api.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Keeps each month's counts of every product in memory and answers metrics/simple without a
 * ClickHouse query per request: the counts only change when the lifecycle job writes
 * finding_month_counts, which a cheap table-version token shows. The token is re-read at most every
 * {@code maxStaleness}, and always right after this process saw one of its own writes applied — so a
 * caller reads its own imports and edits at once, and other processes' writes within
 * {@code maxStaleness} of their landing in ClickHouse. Zero staleness re-reads the token per request.
 */
final class CachedMonthCounts implements MonthCountSource {

    /** Months kept; a dashboard walks a year or two, and each month is one small map. */
    static final int MAX_MONTHS = 120;

    private record Validated(String tableVersion, long appliedWrites, long atNanos) {}

    private record Month(String tableVersion, Map<Long, long[]> counts) {}

    private final MonthCountSource source;
    private final Supplier<String> tableVersion;
    private final LongSupplier appliedWrites;
    private final LongSupplier nanoClock;
    private final long maxStalenessNanos;
    private volatile Validated validated;
    private final Map<LocalDate, Month> months = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Month> eldest) {
            return size() > MAX_MONTHS;
        }
    };

    CachedMonthCounts(MonthCountSource source, Supplier<String> tableVersion, LongSupplier appliedWrites,
            Duration maxStaleness, LongSupplier nanoClock) {
        this.source = source;
        this.tableVersion = tableVersion;
        this.appliedWrites = appliedWrites;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public Map<Long, long[]> byProduct(LocalDate month, Collection<Long> products) {
        String version = currentVersion();
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

    private String currentVersion() {
        long writes = appliedWrites.getAsLong(); // read before the token: a write seen later forces a re-read
        long now = nanoClock.getAsLong();
        Validated last = validated;
        if (last != null && last.appliedWrites() == writes && now - last.atNanos() < maxStalenessNanos) {
            return last.tableVersion();
        }
        Validated fresh = new Validated(tableVersion.get(), writes, now);
        validated = fresh;
        return fresh.tableVersion();
    }
}
