package io.findingflow.parsers;

import java.time.Clock;
import java.util.Map;

/**
 * What a parser may know beyond the report: the scan type it was called with (e.g. "... detailed"
 * modes), DefectDojo settings that change parser output, and the clock for "now" fallbacks.
 *
 * @param scanType the canonical scan type (aliases already resolved)
 * @param settings DefectDojo settings by their Django names (USE_FIRST_SEEN,
 *     USE_QUALYS_LEGACY_SEVERITY_PARSING, ...), values as strings
 */
public record ScanContext(String scanType, Map<String, String> settings, Clock clock) {

    public static final String USE_FIRST_SEEN = "USE_FIRST_SEEN";
    public static final String USE_QUALYS_LEGACY_SEVERITY_PARSING = "USE_QUALYS_LEGACY_SEVERITY_PARSING";

    private static final Map<String, Boolean> DEFAULTS =
            Map.of(USE_FIRST_SEEN, false, USE_QUALYS_LEGACY_SEVERITY_PARSING, true);

    public ScanContext {
        settings = Map.copyOf(settings);
    }

    public static ScanContext of(String scanType) {
        return new ScanContext(scanType, Map.of(), Clock.systemUTC());
    }

    /** True for the "... detailed" scan types (Checkmarx, SonarQube), DefectDojo's parser mode. */
    public boolean detailed() {
        return scanType.endsWith(" detailed");
    }

    /** A boolean setting ("True"/"true"/"1"), falling back to DefectDojo's default. */
    public boolean flag(String name) {
        String value = settings.get(name);
        if (value == null) {
            return DEFAULTS.getOrDefault(name, false);
        }
        return value.equalsIgnoreCase("true") || value.equals("1");
    }
}
