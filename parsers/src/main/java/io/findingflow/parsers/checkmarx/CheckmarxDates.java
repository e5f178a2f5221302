package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day of a Checkmarx date as dateutil's {@code parser.parse(text).date()} gives it: the
 * calendar date written in the text (no time zone conversion). Reads ISO dates, the XML report's
 * "Sunday, February 25, 2018 11:35:52 AM" and numeric month-first dates like "2/25/2018".
 */
final class CheckmarxDates {

    private static final Pattern ISO = Pattern.compile("^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("^\\s*(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|\\d+(?::\\d+)*");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul",
            "aug", "sep", "oct", "nov", "dec");

    private CheckmarxDates() {}

    /** ISO "YYYY-MM-DD" of the text's date. */
    static String day(String text) throws ParseException {
        if (text == null) {
            throw new ParseException("Invalid Checkmarx report: a date is missing");
        }
        try {
            return parse(text).toString();
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Checkmarx report: unreadable date \"" + text + "\"", e);
        }
    }

    /** The UTC day of a Unix timestamp (the JSON report's {"seconds": n} dates). */
    static String dayOfEpochSeconds(long seconds) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC).toString();
    }

    private static LocalDate parse(String text) {
        Matcher iso = ISO.matcher(text);
        if (iso.find()) {
            return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        }
        Matcher numeric = NUMERIC.matcher(text);
        if (numeric.find()) {
            int a = Integer.parseInt(numeric.group(1));
            int b = Integer.parseInt(numeric.group(2));
            int c = Integer.parseInt(numeric.group(3));
            if (numeric.group(1).length() == 4) {
                return LocalDate.of(a, b, c);
            }
            int year = c < 100 ? 2000 + c : c;
            // dateutil reads month first unless the first number cannot be a month
            return a > 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
        }
        Integer month = null;
        List<Integer> numbers = new ArrayList<>();
        Matcher token = TOKEN.matcher(text);
        while (token.find()) {
            String word = token.group();
            if (Character.isLetter(word.charAt(0))) {
                String prefix = word.length() >= 3 ? word.substring(0, 3).toLowerCase(Locale.ROOT) : word;
                int index = MONTHS.indexOf(prefix);
                if (index >= 0 && month == null) {
                    month = index + 1;
                }
            } else if (!word.contains(":")) {
                numbers.add(Integer.parseInt(word));
            }
        }
        Integer year = null;
        Integer day = null;
        for (int number : numbers) {
            if (number > 31 && year == null) {
                year = number;
            } else if (day == null) {
                day = number;
            }
        }
        if (month == null || day == null || year == null) {
            throw new IllegalArgumentException("no day, month and year in " + text);
        }
        return LocalDate.of(year, month, day);
    }
}
