package io.findingflow.schemas.custommetrics;

import java.util.Optional;

/**
 * How a custom metric combines the points of one bucket (DESIGN §6): Sum, Count (hits; the value
 * is optional), Min, Max, First and Last (by point date, ties by arrival) and the weighted Average
 * Σ(value·weight)/Σweight.
 */
public enum MetricDataType {
    SUM("Sum"),
    COUNT("Count"),
    MIN("Min"),
    MAX("Max"),
    FIRST("First"),
    LAST("Last"),
    AVERAGE("Average");

    private final String label;

    MetricDataType(String label) {
        this.label = label;
    }

    /** The name ThreatConnect uses ("Sum", ...). */
    public String label() {
        return label;
    }

    /** Whether a point must carry a value (a Count only counts hits). */
    public boolean needsValue() {
        return this != COUNT;
    }

    /** The data type named {@code label}, ignoring case; empty for anything else. */
    public static Optional<MetricDataType> of(String label) {
        for (MetricDataType type : values()) {
            if (type.label.equalsIgnoreCase(label)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
