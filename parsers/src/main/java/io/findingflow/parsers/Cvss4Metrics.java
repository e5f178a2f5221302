package io.findingflow.parsers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CVSS 4.0 metric table as the Python {@code cvss} library knows it, which DefectDojo's parsers use
 * to validate and clean vectors: each metric's valid values, the base metrics every vector must have,
 * and the cleaned form (metrics in specification order, "X" values dropped). How a vector is found in
 * a report's text is each parser's own business.
 */
public final class Cvss4Metrics {

    public static final String PREFIX = "CVSS:4.0/";

    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();
    private static final List<String> BASE = List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

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

    private Cvss4Metrics() {}

    private static void define(String metric, String values) {
        VALUES.put(metric, List.of(values.split(" ")));
    }

    /** Whether {@code name} is a CVSS 4.0 metric. */
    public static boolean isMetric(String name) {
        return VALUES.containsKey(name);
    }

    /** Whether {@code value} is one of metric {@code name}'s values. */
    public static boolean isValid(String name, String value) {
        List<String> values = VALUES.get(name);
        return values != null && values.contains(value);
    }

    /** Whether every base metric is present. */
    public static boolean hasBaseMetrics(Map<String, String> metrics) {
        return metrics.keySet().containsAll(BASE);
    }

    /** The cleaned vector: {@code CVSS:4.0/} and the metrics in specification order without "X" values. */
    public static String cleaned(Map<String, String> metrics) {
        StringBuilder out = new StringBuilder("CVSS:4.0");
        for (String metric : VALUES.keySet()) {
            String value = metrics.get(metric);
            if (value != null && !value.equals("X")) {
                out.append('/').append(metric).append(':').append(value);
            }
        }
        return out.toString();
    }
}
