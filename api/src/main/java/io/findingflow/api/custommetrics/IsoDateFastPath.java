package io.findingflow.api.custommetrics;

/**
 * Reads the ISO forms clients send almost always — {@code 2018-10-19T14:44:00Z},
 * {@code 2018-10-19T14:44:00.250Z}, {@code 2018-10-19T16:44:00+02:00}, {@code 2018-10-19T14:44:00}
 * (UTC) and {@code 2018-10-19} — without a DateTimeFormatter. It answers only for text it fully
 * understands as a valid date and time; for everything else (other forms, invalid dates, surrounding
 * blanks) it answers {@link #UNKNOWN} and {@link IsoDates} asks the formatter, which stays the
 * definition of what is accepted.
 */
final class IsoDateFastPath {

    /** "Not decided here": no real instant of 1971–2100 has this value. */
    static final long UNKNOWN = Long.MIN_VALUE;

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private IsoDateFastPath() {}

    /** Epoch milliseconds of {@code text}, or {@link #UNKNOWN}. */
    static long epochMillis(String text) {
        int length = text.length();
        if (length < 10) {
            return UNKNOWN;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)
                || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return UNKNOWN;
        }
        long epochDay = epochDay(year, month, day);
        if (length == 10) {
            return epochDay * MILLIS_PER_DAY;
        }
        if (length < 19 || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return UNKNOWN;
        }
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return UNKNOWN;
        }
        int pos = 19;
        long millisOfSecond = 0;
        if (pos < length && text.charAt(pos) == '.') {
            int start = ++pos;
            while (pos < length && pos - start < 9 && isDigit(text.charAt(pos))) {
                pos++;
            }
            int count = pos - start;
            if (count == 0) {
                return UNKNOWN;
            }
            // milliseconds are the first three fraction digits; the rest is truncated, as Instant does
            millisOfSecond = digits(text, start, Math.min(count, 3));
            for (int i = count; i < 3; i++) {
                millisOfSecond *= 10;
            }
        }
        long offsetSeconds;
        if (pos == length) {
            offsetSeconds = 0;
        } else if (pos == length - 1 && text.charAt(pos) == 'Z') {
            offsetSeconds = 0;
        } else if (pos == length - 6 && (text.charAt(pos) == '+' || text.charAt(pos) == '-')
                && text.charAt(pos + 3) == ':') {
            int offsetHours = digits(text, pos + 1, 2);
            int offsetMinutes = digits(text, pos + 4, 2);
            if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                return UNKNOWN;
            }
            offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (text.charAt(pos) == '-' ? -1 : 1);
        } else {
            return UNKNOWN;
        }
        long secondOfDay = hour * 3600L + minute * 60L + second;
        return (epochDay * 86_400L + secondOfDay - offsetSeconds) * 1000L + millisOfSecond;
    }

    /** The number of {@code count} ASCII digits at {@code from}; -1 if any is no digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date with a year of 0–9999. */
    private static long epochDay(int year, int month, int day) {
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }
}
