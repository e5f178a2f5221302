package io.findingflow.parsers.dependencycheck;

import io.findingflow.parsers.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report's {@code reportDate} as DefectDojo stores it: parsed by dateutil into a datetime and
 * printed by Python's {@code isoformat()} (microseconds only when non-zero, truncated from longer
 * fractions; the offset only when the text has one, Z as +00:00).
 */
final class ReportDate {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ](\\d{2}):?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?"
                    + "\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?");

    private ReportDate() {}

    static String isoformat(String text) throws ParseException {
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            throw new ParseException("Invalid Dependency-Check XML report: unreadable reportDate \"" + text + "\"");
        }
        StringBuilder out = new StringBuilder();
        out.append(m.group(1)).append('-').append(m.group(2)).append('-').append(m.group(3)).append('T');
        out.append(m.group(4) == null ? "00" : m.group(4)).append(':');
        out.append(m.group(5) == null ? "00" : m.group(5)).append(':');
        out.append(m.group(6) == null ? "00" : m.group(6));
        String fraction = m.group(7);
        if (fraction != null) {
            String micros = (fraction + "000000").substring(0, 6);
            if (Integer.parseInt(micros) != 0) {
                out.append('.').append(micros);
            }
        }
        String zone = m.group(8);
        if (zone != null) {
            if (zone.equalsIgnoreCase("Z") || zone.equals("UTC")) {
                out.append("+00:00");
            } else {
                String digits = zone.substring(1).replace(":", "");
                String minutes = digits.length() >= 4 ? digits.substring(2, 4) : "00";
                out.append(zone.charAt(0)).append(digits, 0, 2).append(':').append(minutes);
            }
        }
        return out.toString();
    }
}
