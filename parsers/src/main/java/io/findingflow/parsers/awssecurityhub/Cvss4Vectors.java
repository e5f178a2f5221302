package io.findingflow.parsers.awssecurityhub;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CVSS 4.0 vectors as the Python {@code cvss} library accepts and cleans them: every base metric
 * present with a valid value, metrics rewritten in specification order without "X" values.
 */
final class Cvss4Vectors {

    private static final String PREFIX = "CVSS:4.0/";
    private static final Map<String, List<String>> VALUES = new LinkedHashMap<>();
    private static final List<String> MANDATORY =
            List.of("AV", "AC", "AT", "PR", "UI", "VC", "VI", "VA", "SC", "SI", "SA");

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

    private Cvss4Vectors() {}

    private static void define(String metric, String values) {
        VALUES.put(metric, List.of(values.split(" ")));
    }

    /** The cleaned vector, or null when {@code vector} is not a valid CVSS 4.0 vector. */
    static String clean(String vector) {
        if (vector == null || !vector.startsWith(PREFIX) || vector.endsWith("/")) {
            return null;
        }
        Map<String, String> metrics = new HashMap<>();
        for (String field : vector.substring(PREFIX.length()).split("/", -1)) {
            String[] pair = field.split(":", -1);
            if (pair.length != 2 || !VALUES.containsKey(pair[0]) || !VALUES.get(pair[0]).contains(pair[1])
                    || metrics.putIfAbsent(pair[0], pair[1]) != null) {
                return null;
            }
        }
        if (!metrics.keySet().containsAll(MANDATORY)) {
            return null;
        }
        StringBuilder out = new StringBuilder(PREFIX);
        String separator = "";
        for (String metric : VALUES.keySet()) {
            String value = metrics.get(metric);
            if (value != null && !value.equals("X")) {
                out.append(separator).append(metric).append(':').append(value);
                separator = "/";
            }
        }
        return out.toString();
    }
}
