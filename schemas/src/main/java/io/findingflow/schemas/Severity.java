package io.findingflow.schemas;

import java.util.Locale;

/**
 * DefectDojo's five severities. The ordinal is DefectDojo's rank (Critical 0 … Info 4), which is what
 * {@code minimum_severity} and {@code numerical_severity} ("S0" … "S4") are based on.
 */
public enum Severity {
    CRITICAL("Critical"),
    HIGH("High"),
    MEDIUM("Medium"),
    LOW("Low"),
    INFO("Info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The exact string DefectDojo stores and returns ("Critical", "High", ...). */
    public String label() {
        return label;
    }

    /** DefectDojo's {@code numerical_severity}: "S0" for Critical … "S4" for Info. */
    public String numerical() {
        return "S" + ordinal();
    }

    /** True when this severity is at least as severe as {@code minimum}. */
    public boolean atLeast(Severity minimum) {
        return ordinal() <= minimum.ordinal();
    }

    /**
     * The one severity normalisation. Accepts any case and the common scanner spellings
     * ("Informational", "Moderate", "Negligible", "Unknown", "None", numeric ranks 0-4 are NOT
     * accepted here: parsers map their own numeric scales). Anything unrecognised is Info, which is
     * what DefectDojo's {@code sanitize_severity} does.
     */
    public static Severity from(String value) {
        Severity parsed = parseOrNull(value);
        return parsed == null ? INFO : parsed;
    }

    /** Strict variant for API input: null when the value is not one of the five labels (any case). */
    public static Severity parseOrNull(String value) {
        if (value == null) {
            return null;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "critical":
                return CRITICAL;
            case "high":
                return HIGH;
            case "medium":
            case "moderate":
                return MEDIUM;
            case "low":
                return LOW;
            case "info":
            case "informational":
                return INFO;
            default:
                return null;
        }
    }
}
