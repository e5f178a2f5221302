package io.findingflow.api.clickhouse;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Answers read from one ClickHouse table, kept per key and per version of that table
 * ({@link TableWatch}): an answer is served while the table's version is the one it was read at and
 * read again once the table changed. The least recently used answers are dropped beyond
 * {@code maxWeight} (by {@code weigher}: 1 per answer, or its size). Concurrent misses of one key may
 * each read it: the reads are identical, and blocking every request behind one read costs more.
 */
public final class VersionedCache<K, V> {

    private record Entry<V>(String version, V value, long weight) {}

    private final TableWatch watch;
    private final ToLongFunction<V> weigher;
    private final long maxWeight;
    private final Map<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;

    public VersionedCache(TableWatch watch, ToLongFunction<V> weigher, long maxWeight) {
        this.watch = watch;
        this.weigher = weigher;
        this.maxWeight = maxWeight;
    }

    /** At most {@code maxEntries} answers. */
    public static <K, V> VersionedCache<K, V> ofEntries(TableWatch watch, int maxEntries) {
        return new VersionedCache<>(watch, value -> 1, maxEntries);
    }

    /** The answer for {@code key} as of the table's current version, read by {@code load} when not kept. */
    public V get(K key, Function<K, V> load) {
        String version = watch.currentVersion();
        Entry<V> entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null || !entry.version().equals(version)) {
            V value = load.apply(key);
            entry = new Entry<>(version, value, weigher.applyAsLong(value));
            put(key, entry);
        }
        return entry.value();
    }

    private void put(K key, Entry<V> entry) {
        synchronized (entries) {
            Entry<V> previous = entries.put(key, entry);
            weight += entry.weight() - (previous == null ? 0 : previous.weight());
            Iterator<Entry<V>> eldest = entries.values().iterator();
            while (weight > maxWeight && entries.size() > 1 && eldest.hasNext()) {
                Entry<V> dropped = eldest.next();
                if (dropped != entry) {
                    weight -= dropped.weight();
                    eldest.remove();
                }
            }
        }
    }
}
