package io.findingflow.parsers.awssecurityhub;

import io.findingflow.parsers.Cvss4Metrics;
import java.util.HashMap;
import java.util.Map;

/**
 * CVSS 4.0 vectors as the Python {@code cvss} library accepts and cleans them: every base metric
 * present with a valid value, metrics rewritten in specification order without "X" values.
 */
final class Cvss4Vectors {

    private Cvss4Vectors() {}

    /** The cleaned vector, or null when {@code vector} is not a valid CVSS 4.0 vector. */
    static String clean(String vector) {
        if (vector == null || !vector.startsWith(Cvss4Metrics.PREFIX) || vector.endsWith("/")) {
            return null;
        }
        Map<String, String> metrics = new HashMap<>();
        for (String field : vector.substring(Cvss4Metrics.PREFIX.length()).split("/", -1)) {
            String[] pair = field.split(":", -1);
            if (pair.length != 2 || !Cvss4Metrics.isValid(pair[0], pair[1])
                    || metrics.putIfAbsent(pair[0], pair[1]) != null) {
                return null;
            }
        }
        return Cvss4Metrics.hasBaseMetrics(metrics) ? Cvss4Metrics.cleaned(metrics) : null;
    }
}
