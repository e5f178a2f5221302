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

    private final Map<Object, Object> results = new HashMap<>();
    private final int maxEntries;
    private final boolean longTextKeys;

    private ReportMemo(int maxEntries, boolean longTextKeys) {
        this.maxEntries = maxEntries;
        this.longTextKeys = longTextKeys;
    }

    public static <K, V> ReportMemo<K, V> of(int maxEntries) {
        return new ReportMemo<>(maxEntries, false);
    }

    /** A memo keyed by long texts (descriptions), hashed faster, see {@link LongTextKey}. */
    public static <V> ReportMemo<String, V> ofLongTexts(int maxEntries) {
        return new ReportMemo<>(maxEntries, true);
    }

    /** {@code convert.apply(key)}, computed at most once per key while it stays cached. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<? super K, ? extends V> convert) {
        Object lookup = longTextKeys ? new LongTextKey((String) key) : key;
        Object cached = results.get(lookup);
        if (cached == null) {
            V value = convert.apply(key);
            if (results.size() >= maxEntries) {
                results.clear();
            }
            results.put(lookup, value == null ? NULL : value);
            return value;
        }
        return cached == NULL ? null : (V) cached;
    }
}
