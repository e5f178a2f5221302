package io.findingflow.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.api.clickhouse.TableWatch;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedMonthCountsTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);

    /** A table whose counts and version the test changes; records every query it answers. */
    private final Map<LocalDate, Map<Long, long[]>> table = new HashMap<>();
    private final List<String> queries = new ArrayList<>();
    private String version = "1/1";
    private final AtomicLong applied = new AtomicLong();
    private long now = 1_000_000_000L;

    private final MonthCountSource source = (month, products) -> {
        queries.add("counts " + month + (products == null ? " all" : " " + products));
        Map<Long, long[]> copy = new HashMap<>();
        table.getOrDefault(month, Map.of()).forEach((product, counts) -> copy.put(product, counts.clone()));
        return copy;
    };

    private CachedMonthCounts cache(Duration staleness) {
        return new CachedMonthCounts(source, new TableWatch(() -> {
            queries.add("version");
            return version;
        }, applied::get, staleness, () -> now));
    }

    private void put(LocalDate month, long product, long critical) {
        long[] counts = new long[MonthCountSource.SIZE];
        counts[MonthCountSource.CRITICAL] = critical;
        table.computeIfAbsent(month, m -> new HashMap<>()).put(product, counts);
    }

    private static long critical(Map<Long, long[]> counts, long product) {
        return counts.get(product)[MonthCountSource.CRITICAL];
    }

    @Test
    void answersRepeatedRequestsFromMemoryWithinTheStalenessBound() {
        put(MAY, 1, 3);
        CachedMonthCounts cache = cache(Duration.ofMillis(50));
        assertThat(critical(cache.byProduct(MAY, null), 1)).isEqualTo(3);
        now += 10_000_000L;
        assertThat(critical(cache.byProduct(MAY, null), 1)).isEqualTo(3);
        assertThat(critical(cache.byProduct(MAY, List.of(1L)), 1)).isEqualTo(3);
        assertThat(queries).containsExactly("version", "counts 2026-05-01 all");
    }

    @Test
    void reloadsAMonthWhenTheTableChangedOnceTheBoundHasPassed() {
        put(MAY, 1, 3);
        CachedMonthCounts cache = cache(Duration.ofMillis(50));
        cache.byProduct(MAY, null);
        put(MAY, 1, 4);
        version = "2/2";
        now += 49_000_000L;
        assertThat(critical(cache.byProduct(MAY, null), 1)).as("still within 50 ms").isEqualTo(3);
        now += 2_000_000L;
        assertThat(critical(cache.byProduct(MAY, null), 1)).isEqualTo(4);
        assertThat(queries).containsExactly("version", "counts 2026-05-01 all", "version", "counts 2026-05-01 all");
    }

    @Test
    void keepsTheMonthWhenTheVersionIsUnchanged() {
        put(MAY, 1, 3);
        CachedMonthCounts cache = cache(Duration.ofMillis(50));
        cache.byProduct(MAY, null);
        now += 60_000_000L;
        cache.byProduct(MAY, null);
        assertThat(queries).containsExactly("version", "counts 2026-05-01 all", "version");
    }

    @Test
    void anOwnAppliedWriteIsReadAtOnce() {
        put(MAY, 1, 3);
        CachedMonthCounts cache = cache(Duration.ofHours(1));
        cache.byProduct(MAY, null);
        put(MAY, 1, 5);
        version = "2/2";
        applied.incrementAndGet(); // e.g. an import's completion row was seen
        assertThat(critical(cache.byProduct(MAY, null), 1)).isEqualTo(5);
    }

    @Test
    void zeroStalenessChecksTheVersionOnEveryRequest() {
        put(MAY, 1, 3);
        CachedMonthCounts cache = cache(Duration.ZERO);
        cache.byProduct(MAY, null);
        cache.byProduct(MAY, null);
        put(MAY, 1, 7);
        version = "3/1";
        assertThat(critical(cache.byProduct(MAY, null), 1)).isEqualTo(7);
        assertThat(queries).containsExactly("version", "counts 2026-05-01 all", "version", "version",
                "counts 2026-05-01 all");
    }

    @Test
    void selectsTheRequestedProductsAndOmitsThoseWithoutCounts() {
        put(JUNE, 1, 1);
        put(JUNE, 2, 2);
        CachedMonthCounts cache = cache(Duration.ofMillis(50));
        Map<Long, long[]> selected = cache.byProduct(JUNE, List.of(2L, 9L));
        assertThat(selected).containsOnlyKeys(2L);
        assertThat(cache.byProduct(JUNE, List.of())).isEmpty();
        assertThat(cache.byProduct(MAY, null)).isEmpty();
    }

    @Test
    void monthsAreCachedSeparatelyAndTheOldestAreDropped() {
        CachedMonthCounts cache = cache(Duration.ofHours(1));
        LocalDate month = LocalDate.of(2010, 1, 1);
        for (int i = 0; i <= CachedMonthCounts.MAX_MONTHS; i++) {
            cache.byProduct(month.plusMonths(i), null);
        }
        int loads = count("counts");
        cache.byProduct(month.plusMonths(CachedMonthCounts.MAX_MONTHS), null);
        assertThat(count("counts")).as("the newest month stayed").isEqualTo(loads);
        cache.byProduct(month, null);
        assertThat(count("counts")).as("the oldest month was dropped").isEqualTo(loads + 1);
    }

    private int count(String prefix) {
        return (int) queries.stream().filter(q -> q.startsWith(prefix)).count();
    }
}
