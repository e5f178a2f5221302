package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path must agree with the formatter on every input, and decide the common forms itself. */
class IsoDateFastPathTest {

    private static final String[] OFFSETS = {"", "Z", "z", "+00:00", "-00:00", "+02:00", "-05:30", "+14:00",
        "-12:00", "+17:59", "+18:00", "-18:00", "+18:01", "+19:00", "+0200", "-0500", "+02", "+2:00", "+02:60",
        "+02:0", "Z ", " Z", "+02:00Z", "ZZ", "+0:000", "UTC"};
    private static final String[] FRACTIONS = {"", ".", ".0", ".5", ".25", ".250", ".999", ".1234", ".000001",
        ".123456789", ".1234567890", ".12a", ",5", ".-1"};

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2018-10-19T14:44:00Z", "2018-10-19T14:44:00.250Z", "2018-10-19T16:44:00+02:00",
        "2018-10-19T09:44:00-05:00", "2018-10-19T14:44:00", "2018-10-19", "2024-02-29T23:59:59Z",
        "2100-12-31T23:59:59.999999999Z", "1971-01-01T00:00:00.1Z"})
    void shouldDecideTheCommonFormsItself(String text) {
        long fast = IsoDateFastPath.epochMillis(text);
        assertThat(fast).isNotEqualTo(IsoDateFastPath.UNKNOWN);
        assertThat(IsoDates.parseWithFormatter(text)).hasValue(fast);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"2023-02-29", "2100-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z",
        "2024-00-10", "2024-01-00", "2024-03-01T24:00:00Z", "2024-03-01T23:60:00Z", "2024-03-01T23:59:60Z",
        "2024-03-01t10:00:00Z", "2024-03-01 10:00:00", " 2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z ",
        "2024-03-01T10:00", "2024-03-01T10:00:00+0200", "+2024-03-01", "2024-3-01", "2024-03-01T10:00:00.Z"})
    void shouldLeaveEverythingElseToTheFormatter(String text) {
        assertThat(IsoDateFastPath.epochMillis(text)).isEqualTo(IsoDateFastPath.UNKNOWN);
    }

    @Test
    void shouldReadLeapDaysOffsetsAndFractionsLikeInstant() {
        assertThat(IsoDateFastPath.epochMillis("2000-02-29T12:00:00Z"))
                .isEqualTo(Instant.parse("2000-02-29T12:00:00Z").toEpochMilli());
        assertThat(IsoDateFastPath.epochMillis("2024-01-01T01:30:00+02:00"))
                .isEqualTo(Instant.parse("2023-12-31T23:30:00Z").toEpochMilli());
        assertThat(IsoDateFastPath.epochMillis("2024-06-30T20:00:00.123999-05:30"))
                .isEqualTo(Instant.parse("2024-07-01T01:30:00.123Z").toEpochMilli());
    }

    @Test
    void shouldAgreeWithTheFormatterOnGeneratedDates() {
        Random random = new Random(20261123);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            texts.add(generated(random));
        }
        int decidedFast = 0;
        for (String text : texts) {
            assertThat(IsoDates.parse(text)).as(text).isEqualTo(IsoDates.parseWithFormatter(text));
            if (IsoDateFastPath.epochMillis(text) != IsoDateFastPath.UNKNOWN) {
                decidedFast++;
            }
        }
        assertThat(decidedFast).as("the generator reaches the fast path").isGreaterThan(texts.size() / 10);
    }

    /** Dates near and beyond every edge: years, month lengths, leap years, times, fractions, offsets. */
    private static String generated(Random random) {
        int year = switch (random.nextInt(6)) {
            case 0 -> 1968 + random.nextInt(6);
            case 1 -> 2098 + random.nextInt(5);
            case 2 -> random.nextBoolean() ? 1900 : 2000;
            default -> 1971 + random.nextInt(130);
        };
        int month = random.nextInt(10) == 0 ? random.nextInt(15) : 1 + random.nextInt(12);
        int day = random.nextInt(4) == 0 ? 27 + random.nextInt(6) : random.nextInt(10) == 0 ? random.nextInt(33)
                : 1 + random.nextInt(28);
        StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d", year, month, day));
        if (random.nextInt(8) != 0) {
            text.append(random.nextInt(30) == 0 ? ' ' : 'T');
            int hour = random.nextInt(10) == 0 ? 20 + random.nextInt(6) : random.nextInt(24);
            int minute = random.nextInt(10) == 0 ? 58 + random.nextInt(3) : random.nextInt(60);
            int second = random.nextInt(10) == 0 ? 58 + random.nextInt(4) : random.nextInt(60);
            text.append(String.format("%02d:%02d", hour, minute));
            if (random.nextInt(10) != 0) {
                text.append(String.format(":%02d", second)).append(FRACTIONS[random.nextInt(FRACTIONS.length)]);
            }
            text.append(OFFSETS[random.nextInt(OFFSETS.length)]);
        }
        if (random.nextInt(20) == 0) {
            text.insert(0, ' ');
        }
        if (random.nextInt(20) == 0) {
            text.setLength(random.nextInt(text.length() + 1));
        }
        if (text.length() > 0 && random.nextInt(20) == 0) {
            text.setCharAt(random.nextInt(text.length()), (char) ('0' + random.nextInt(75)));
        }
        return text.toString();
    }
}
