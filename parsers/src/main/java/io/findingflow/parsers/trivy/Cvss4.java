package io.findingflow.parsers.trivy;

import io.findingflow.parsers.Cvss4Metrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CVSS 4.0 vectors as the Python {@code cvss} library cleans them (metrics in specification order,
 * "X" values dropped). The score is not recomputed: Trivy reports the vendor's V40Score, which is
 * the same FIRST base score DefectDojo would compute.
 */
final class Cvss4 {

    private static final Pattern PREFIX = Pattern.compile("CVSS:4\\.0/");

    private Cvss4() {}

    /** Cleaned vectors: a report repeats a handful of vectors thousands of times. */
    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 4096;

    /** The cleaned first valid CVSS 4.0 vector in {@code text}, or null. */
    static String cleanVector(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Optional<String> cached = CACHE.get(text);
        if (cached == null) {
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            cached = Optional.ofNullable(clean(text));
            CACHE.put(text, cached);
        }
        return cached.orElse(null);
    }

    private static String clean(String text) {
        Matcher prefix = PREFIX.matcher(text);
        while (prefix.find()) {
            Map<String, String> metrics = metrics(text.substring(prefix.end()));
            if (metrics != null) {
                return Cvss4Metrics.cleaned(metrics);
            }
        }
        return null;
    }

    /** The metrics up to the first part that is not one (the vector ends there), or null when invalid. */
    private static Map<String, String> metrics(String rest) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : rest.split("/", -1)) {
            int colon = part.indexOf(':');
            String name = colon <= 0 ? null : part.substring(0, colon);
            if (name == null || !Cvss4Metrics.isMetric(name)) {
                break;
            }
            String value = part.substring(colon + 1).split("\\s", 2)[0];
            if (!Cvss4Metrics.isValid(name, value) || metrics.containsKey(name)) {
                return null;
            }
            metrics.put(name, value);
        }
        return Cvss4Metrics.hasBaseMetrics(metrics) ? metrics : null;
    }
}
