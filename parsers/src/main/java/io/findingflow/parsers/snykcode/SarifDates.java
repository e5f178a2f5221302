package io.findingflow.parsers.snykcode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SARIF timestamps the way {@code dateutil.parser.isoparse} reads and Python prints them. */
final class SarifDates {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2})(?::?(\\d{2})(?::?(\\d{2})(?:[.,](\\d+))?)?)?)?"
                    + "(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private SarifDates() {}

    /** {@code isoparse(text).isoformat()}, or null when the text is no ISO 8601 timestamp. */
    static String isoTimestamp(String text) {
        Matcher m = ISO.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            String fraction = m.group(7) == null ? "0" : (m.group(7) + "000000").substring(0, 6);
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), number(m.group(4)), number(m.group(5)), number(m.group(6)),
                    Integer.parseInt(fraction) * 1000);
            String out = local.format(SECONDS);
            if (local.getNano() != 0) {
                out += String.format(".%06d", local.getNano() / 1000);
            }
            String zone = m.group(8);
            if (zone == null) {
                return out;
            }
            ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalise(zone));
            return out + (offset.getTotalSeconds() == 0 ? "+00:00" : OffsetDateTime.of(local, offset).getOffset().getId());
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static String normalise(String zone) {
        String digits = zone.substring(1).replace(":", "");
        String hours = digits.substring(0, 2);
        String minutes = digits.length() > 2 ? digits.substring(2) : "00";
        return zone.charAt(0) + hours + ":" + minutes;
    }
}
