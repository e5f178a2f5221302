package io.findingflow.parsers.bandit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Bandit's {@code generated_at} ("2021-03-30T18:23:12Z") as DefectDojo's dateutil reads it. */
final class BanditDates {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private BanditDates() {}

    /**
     * Python's {@code isoformat()} of the parsed time: "+00:00" rather than "Z", microseconds only
     * when set, no offset for a naive time. Null when unreadable.
     */
    static String isoTimestamp(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.textValue().strip().replace(' ', 'T');
        try {
            OffsetDateTime time = OffsetDateTime.parse(text);
            return local(time.toLocalDateTime()) + time.getOffset().getId().replace("Z", "+00:00");
        } catch (DateTimeParseException e) {
            try {
                return local(LocalDateTime.parse(text));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String local(LocalDateTime time) {
        int micros = time.getNano() / 1000;
        return time.format(SECONDS) + (micros == 0 ? "" : String.format(".%06d", micros));
    }
}
