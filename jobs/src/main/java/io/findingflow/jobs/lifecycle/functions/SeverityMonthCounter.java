package io.findingflow.jobs.lifecycle.functions;

import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * metrics/simple's counting rules (DESIGN §5) as signed contributions. A finding counts in Total
 * for its date's month when it is not a false positive, duplicate or out of scope (the verified
 * variant also needs verified); in Closed for its mitigated month when it is also inactive and
 * mitigated. Applying −old and +new for every change keeps the counts exact. {@code date} is a
 * calendar date; {@code mitigated} is an instant (UTC), so its month is taken in the server's time
 * zone, as Django's {@code mitigated__month} lookup does.
 */
final class SeverityMonthCounter {

    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    /** Accumulated changes of one event: "month|severity" → delta counts. */
    private final Map<String, MonthCounts> deltas = new HashMap<>();

    SeverityMonthCounter() {
        this(ZoneOffset.UTC);
    }

    SeverityMonthCounter(ZoneId zone) {
        this.zone = zone;
    }

    void change(FindingState before, FindingState after) {
        if (before != null) {
            contribute(before, -1);
        }
        if (after != null) {
            contribute(after, +1);
        }
    }

    Map<String, MonthCounts> deltas() {
        return deltas;
    }

    private void contribute(FindingState f, int sign) {
        if (f.falseP || f.duplicate || f.outOfScope) {
            return;
        }
        String severity = MetricSeverity.of(f.severity);
        if (f.date != null && f.date.length() >= 7) {
            MonthCounts counts = at(f.date.substring(0, 7) + "-01", severity);
            counts.totalAny += sign;
            if (f.verified) {
                counts.totalVerified += sign;
            }
        }
        if (!f.active && f.isMitigated && f.mitigated != null && f.mitigated.length() >= 7) {
            MonthCounts counts = at(monthOf(f.mitigated), severity);
            counts.closedAny += sign;
            if (f.verified) {
                counts.closedVerified += sign;
            }
        }
    }

    /** The first day of the month, in the server's time zone, of a "yyyy-MM-dd HH:mm:ss" UTC time. */
    private String monthOf(String utcTime) {
        if (!zone.equals(ZoneOffset.UTC)) {
            try {
                return LocalDateTime.parse(utcTime, CLICKHOUSE_TIME).atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(zone).toLocalDate().withDayOfMonth(1).toString();
            } catch (DateTimeParseException e) {
                // not a full time: its calendar month, as below
            }
        }
        return utcTime.substring(0, 7) + "-01";
    }

    private MonthCounts at(String month, String severity) {
        return deltas.computeIfAbsent(month + "|" + severity, k -> new MonthCounts());
    }

    /** metrics/simple's five buckets: anything not Critical/High/Medium/Low counts as Info. */
    static final class MetricSeverity {
        private MetricSeverity() {}

        static String of(String severity) {
            if (severity == null) {
                return "Info";
            }
            switch (severity) {
                case "Critical":
                case "High":
                case "Medium":
                case "Low":
                    return severity;
                default:
                    return "Info";
            }
        }
    }
}
