package io.findingflow.api.custommetrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.OptionalLong;

/**
 * ISO 8601 dates of data points and series bounds: {@code 2018-10-19T14:44:00Z}, with an offset
 * ({@code +02:00} or {@code +0200}), without one (UTC), with fractions, or a bare date (00:00 UTC).
 * Strict: 2023-02-29 is no date. Accepted instants lie in 1971–2100, inside ClickHouse's DateTime.
 *
 * <p>{@link #FORMAT} defines what is accepted. It runs once per data point, and with its optional
 * sections and strict resolver it was 44 % of the API's CPU under batch load, so the common forms
 * ({@code yyyy-MM-ddTHH:mm:ss[.fraction][Z|±HH:MM]}) go through {@link IsoDateFastPath} first; it
 * hands anything else, invalid input included, to the formatter.
 */
final class IsoDates {

    static final long MIN_MILLIS = Instant.parse("1971-01-01T00:00:00Z").toEpochMilli();
    static final long MAX_MILLIS = Instant.parse("2101-01-01T00:00:00Z").toEpochMilli() - 1;
    private static final int MAX_LENGTH = 40;

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private IsoDates() {}

    /** Epoch milliseconds of {@code text}; empty when it is not such a date or outside 1971–2100. */
    static OptionalLong parse(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        long fast = IsoDateFastPath.epochMillis(text);
        if (fast != IsoDateFastPath.UNKNOWN) {
            return inRange(fast);
        }
        return parseWithFormatter(text);
    }

    /** {@link #parse} without the fast path: the reference the fast path is tested against. */
    static OptionalLong parseWithFormatter(String text) {
        if (text == null || text.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        TemporalAccessor parsed;
        try {
            parsed = FORMAT.parse(text.strip());
        } catch (DateTimeParseException e) {
            return OptionalLong.empty();
        }
        LocalDate date = LocalDate.from(parsed);
        LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
        ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed) : ZoneOffset.UTC;
        return inRange(date.atTime(time).toInstant(offset).toEpochMilli());
    }

    private static OptionalLong inRange(long millis) {
        return millis < MIN_MILLIS || millis > MAX_MILLIS ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    /** The 400 message for a bad date in {@code field}. */
    static String invalid(String field, String text) {
        return "Invalid " + field + " " + TcResponses.quoted(text) + ": use an ISO 8601 date between 1971 and 2100,"
                + " e.g. 2018-10-19T14:44:00Z";
    }
}
