package io.findingflow.parsers;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Results of a pure conversion for one report, for values its items repeat (a ZAP plugin's
 * description on every site, a Nessus host on every plugin row): each distinct value is converted
 * once. Create one per parse, never share it between threads. Bounded: when full it starts over,
 * so a report of only distinct values keeps a small heap and merely loses the saving.
 */
public final class ReportMemo<K, V> {

    /** Stands for a null result, so a conversion that yields null is not repeated either. */
    private static final Object NULL = new Object();

    private final Map<K, Object> results = new HashMap<>();
    private final int maxEntries;

    public ReportMemo(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** {@code convert.apply(key)}, computed at most once per key while it stays cached. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<? super K, ? extends V> convert) {
        Object cached = results.get(key);
        if (cached == null) {
            V value = convert.apply(key);
            if (results.size() >= maxEntries) {
                results.clear();
            }
            results.put(key, value == null ? NULL : value);
            return value;
        }
        return cached == NULL ? null : (V) cached;
    }
}
