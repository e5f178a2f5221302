package io.findingflow.api.metrics;

import io.findingflow.api.http.ApiException;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of metrics/simple, read the way DefectDojo's view reads them (Python):
 * an empty value counts as absent; {@code date} is checked for length, then characters
 * ({@code re.match(r"^[0-9\-]+$")}), then {@code strptime("%Y-%m-%d")} (which also takes one-digit
 * months and days), then the 2000-01-01 … one-year-ahead range; {@code product_type_id} is read by
 * Python's {@code int()} (surrounding whitespace, a sign and digit-separating underscores allowed).
 */
final class MetricsSimpleParams {

    static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    /** A product type id that is a well-formed integer but cannot exist (outside 64 bits). */
    static final long NO_SUCH_ID = -1;

    /** Python's strptime("%Y-%m-%d") regexes for %Y, %m and %d, ASCII only. */
    private static final Pattern STRPTIME =
            Pattern.compile("([0-9]{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12][0-9]|0[1-9]|[1-9])");
    /** Python's "$" also matches before one trailing newline. */
    private static final Pattern DIGITS_AND_HYPHENS = Pattern.compile("[0-9-]+\n?");

    private MetricsSimpleParams() {}

    /** The first day of the requested month: {@code date}'s month, or {@code today}'s when absent. */
    static LocalDate month(String date, LocalDate today) {
        if (date == null || date.isEmpty()) {
            return today.withDayOfMonth(1);
        }
        if (date.length() > 20) {
            throw error(400, "Invalid date parameter length.");
        }
        if (!DIGITS_AND_HYPHENS.matcher(date).matches()) {
            throw error(400, "Invalid date format. Only numbers and hyphens allowed.");
        }
        LocalDate parsed = strptime(date);
        if (parsed == null) {
            throw error(400, "Invalid date format. Use YYYY-MM-DD format.");
        }
        if (parsed.isBefore(MIN_DATE) || parsed.isAfter(today.plusYears(1))) {
            throw error(400, "Date must be between 2000-01-01 and one year from now.");
        }
        return parsed.withDayOfMonth(1);
    }

    /**
     * The requested product type id, or null when absent. A well-formed integer beyond 64 bits
     * gives {@link #NO_SUCH_ID} (Django answers an overflowing id lookup with no rows).
     */
    static Long productTypeId(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        BigInteger value = pythonInt(raw);
        if (value == null) {
            throw error(400, "Invalid product_type_id format.");
        }
        return value.bitLength() < 64 ? value.longValue() : NO_SUCH_ID;
    }

    private static LocalDate strptime(String date) {
        Matcher m = STRPTIME.matcher(date);
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            return year < 1 ? null : LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Python's {@code int(str)} for base 10: null when it would raise ValueError. */
    static BigInteger pythonInt(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isPythonSpace(raw.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(raw.charAt(end - 1))) {
            end--;
        }
        StringBuilder digits = new StringBuilder();
        int i = start;
        if (i < end && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
            digits.append(raw.charAt(i++));
        }
        boolean lastWasDigit = false;
        for (; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '_' && lastWasDigit && i + 1 < end && Character.isDigit(raw.charAt(i + 1))) {
                lastWasDigit = false;
                continue;
            }
            int digit = Character.digit(c, 10);
            if (!Character.isDigit(c) || digit < 0) {
                return null;
            }
            digits.append((char) ('0' + digit));
            lastWasDigit = true;
        }
        return lastWasDigit ? new BigInteger(digits.toString()) : null;
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static ApiException error(int status, String message) {
        return new ApiException(status, Map.of("error", message));
    }
}
