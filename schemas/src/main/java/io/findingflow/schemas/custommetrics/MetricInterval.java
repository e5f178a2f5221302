package io.findingflow.schemas.custommetrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * ThreatConnect's custom metric intervals and their buckets, all in UTC: the hour, the day from
 * 00:00, the week from Monday 00:00, the month from the 1st, the year from 1 January. The API (to
 * answer returnValue with the bucket's start) and the Flink job (to key its aggregates) share this
 * one definition.
 */
public enum MetricInterval {
    HOURLY("Hourly"),
    DAILY("Daily"),
    WEEKLY("Weekly"),
    MONTHLY("Monthly"),
    YEARLY("Yearly");

    private static final long MILLIS_PER_HOUR = 3_600_000L;
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private final String label;

    MetricInterval(String label) {
        this.label = label;
    }

    /** The name ThreatConnect uses ("Hourly", ...). */
    public String label() {
        return label;
    }

    /** The interval named {@code label}, ignoring case; empty for anything else. */
    public static Optional<MetricInterval> of(String label) {
        for (MetricInterval interval : values()) {
            if (interval.label.equalsIgnoreCase(label)) {
                return Optional.of(interval);
            }
        }
        return Optional.empty();
    }

    /** The start (epoch seconds, UTC) of the bucket holding the instant {@code epochMillis}. */
    public long bucketStart(long epochMillis) {
        if (this == HOURLY) {
            return Math.floorDiv(epochMillis, MILLIS_PER_HOUR) * 3600L;
        }
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, MILLIS_PER_DAY));
        LocalDate start = switch (this) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            default -> day.withDayOfYear(1);
        };
        return start.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
