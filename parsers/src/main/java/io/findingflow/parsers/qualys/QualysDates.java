package io.findingflow.parsers.qualys;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date formats of Qualys reports, parsed as DefectDojo does: XML "2019-07-31T21:57:48Z", CSV
 * "05/13/2021 07:08:28" (month first) and, for the monthly PCI export, whatever dateutil accepts
 * (day first when the first number cannot be a month). Values are naive, as in DefectDojo.
 */
final class QualysDates {

    private static final DateTimeFormatter XML = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter CSV = DateTimeFormatter.ofPattern("M/d/uuuu H:m:s");
    private static final Pattern SLASHED =
            Pattern.compile("(\\d{1,4})[/.-](\\d{1,2})[/.-](\\d{1,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern ISO =
            Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");

    private QualysDates() {}

    static LocalDateTime xml(String text) {
        return parse(text, XML);
    }

    static LocalDateTime detected(String text) {
        return parse(text, CSV);
    }

    /** A small part of dateutil's parser: ISO dates and d/m/y or m/d/y with an optional time. */
    static LocalDateTime loose(String text) {
        String value = text.strip();
        try {
            Matcher iso = ISO.matcher(value);
            if (iso.matches()) {
                return LocalDateTime.of(LocalDate.of(num(iso, 1), num(iso, 2), num(iso, 3)), time(iso, 4));
            }
            Matcher slashed = SLASHED.matcher(value);
            if (slashed.matches()) {
                int first = num(slashed, 1);
                int second = num(slashed, 2);
                int third = num(slashed, 3);
                if (slashed.group(1).length() == 4) {
                    return LocalDateTime.of(LocalDate.of(first, second, third), time(slashed, 4));
                }
                int year = third < 100 ? 2000 + third : third;
                LocalDate day = first > 12 ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
                return LocalDateTime.of(day, time(slashed, 4));
            }
        } catch (java.time.DateTimeException invalid) {
            return null;
        }
        return null;
    }

    /** The DateField value: "2021-05-25", or null. */
    static String dayOf(LocalDateTime value) {
        return value == null ? null : value.toLocalDate().toString();
    }

    /** Python's isoformat() of a naive datetime. */
    static String timestamp(LocalDateTime value) {
        return value == null ? null : value.format(NAIVE);
    }

    private static LocalTime time(Matcher m, int group) {
        if (m.group(group) == null) {
            return LocalTime.MIDNIGHT;
        }
        int seconds = m.group(group + 2) == null ? 0 : num(m, group + 2);
        return LocalTime.of(num(m, group), num(m, group + 1), seconds);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static LocalDateTime parse(String text, DateTimeFormatter format) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, format);
        } catch (DateTimeParseException invalid) {
            return null;
        }
    }
}
