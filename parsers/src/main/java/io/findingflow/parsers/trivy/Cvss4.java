package io.findingflow.parsers.trivy;

import java.util.LinkedHashMap;
import java.util.List;
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
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();

    static {
        define("AV", "N A L P");
        define("AC", "L H");
        define("AT", "N P");
        define("PR", "N L H");
        define("UI", "N P A");
        define("VC", "H L N");
        define("VI", "H L N");
        define("VA", "H L N");
        define("SC", "H L N");
        define("SI", "H L N");
        define("SA", "H L N");
        define("E", "X A P U");
        define("CR", "X H M L");
        define("IR", "X H M L");
        define("AR", "X H M L");
        define("MAV", "X N A L P");
        define("MAC", "X L H");
        define("MAT", "X N P");
        define("MPR", "X N L H");
        define("MUI", "X N P A");
        define("MVC", "X H L N");
        define("MVI", "X H L N");
        define("MVA", "X H L N");
        define("MSC", "X H L N");
        define("MSI", "X S H L N");
        define("MSA", "X S H L N");
        define("S", "X N P");
        define("AU", "X N Y");
        define("R", "X A U I");
        define("V", "X D C");
        define("RE", "X L M H");
        define("U", "X Clear Green Amber Red");
    }

    private Cvss4() {}

    private static void define(String metric, String values) {
        VALUES.put(metric, List.of(values.split(" ")));
    }

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
                StringBuilder vector = new StringBuilder("CVSS:4.0");
                VALUES.keySet().forEach(name -> {
                    String value = metrics.get(name);
                    if (value != null && !value.equals("X")) {
                        vector.append('/').append(name).append(':').append(value);
                    }
                });
                return vector.toString();
            }
        }
        return null;
    }

    private static Map<String, String> metrics(String rest) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String part : rest.split("/", -1)) {
            int colon = part.indexOf(':');
            String name = colon <= 0 ? null : part.substring(0, colon);
            if (name == null || !VALUES.containsKey(name)) {
                break;
            }
            String value = part.substring(colon + 1).split("\\s", 2)[0];
            if (!VALUES.get(name).contains(value) || metrics.containsKey(name)) {
                return null;
            }
            metrics.put(name, value);
        }
        for (String base : List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA")) {
            if (!metrics.containsKey(base)) {
                return null;
            }
        }
        return metrics;
    }
}
