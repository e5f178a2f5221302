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

    /** A memo keyed by long texts (descriptions), hashed faster, see {@link LongText}. */
    public static <V> ReportMemo<String, V> ofLongTexts(int maxEntries) {
        return new ReportMemo<>(maxEntries, true);
    }

    /** {@code convert.apply(key)}, computed at most once per key while it stays cached. */
    @SuppressWarnings("unchecked")
    public V get(K key, Function<? super K, ? extends V> convert) {
        Object lookup = longTextKeys ? new LongText((String) key) : key;
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

    /**
     * A text key with a cheaper hash. On JDK 17 {@code String.hashCode} is one serial multiply-add
     * per character, which for texts of a few hundred characters cost more than the conversion the
     * memo saves; this one reads every character too, but into four independent sums the processor
     * runs side by side. Equality stays {@code String.equals}.
     */
    private static final class LongText {

        private final String text;
        private final int hash;

        LongText(String text) {
            this.text = text;
            int length = text.length();
            int h0 = length;
            int h1 = 0;
            int h2 = 0;
            int h3 = 0;
            int i = 0;
            for (; i + 3 < length; i += 4) {
                h0 = 31 * h0 + text.charAt(i);
                h1 = 31 * h1 + text.charAt(i + 1);
                h2 = 31 * h2 + text.charAt(i + 2);
                h3 = 31 * h3 + text.charAt(i + 3);
            }
            for (; i < length; i++) {
                h0 = 31 * h0 + text.charAt(i);
            }
            this.hash = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LongText sampled && sampled.hash == hash && sampled.text.equals(text);
        }
    }
}
