package io.findingflow.parsers.sonarqube;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SonarQube timestamps ("2023-10-16T15:05:35+0000") reduced to the day DefectDojo keeps. */
final class SonarQubeDates {

    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

    private SonarQubeDates() {}

    /** The calendar day of a valid timestamp, in its own offset; null when missing or invalid. */
    static String creationDay(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        Matcher m = TIMESTAMP.matcher(value.textValue().strip());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            }
            return day.toString();
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
    }
}
