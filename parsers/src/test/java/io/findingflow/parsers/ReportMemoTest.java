package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMemoTest {

    @Test
    void shouldConvertEachKeyOnceAndRememberNullResults() {
        List<String> converted = new ArrayList<>();
        ReportMemo<String, String> memo = ReportMemo.of(10);

        assertThat(memo.get("a", key -> record(converted, key, key + "!"))).isEqualTo("a!");
        assertThat(memo.get("a", key -> record(converted, key, "other"))).isEqualTo("a!");
        assertThat(memo.get("none", key -> record(converted, key, null))).isNull();
        assertThat(memo.get("none", key -> record(converted, key, "other"))).isNull();

        assertThat(converted).containsExactly("a", "none");
    }

    @Test
    void shouldStartOverWhenFull() {
        List<String> converted = new ArrayList<>();
        ReportMemo<String, String> memo = ReportMemo.of(2);
        for (String key : List.of("a", "b", "c", "a")) {
            memo.get(key, k -> record(converted, k, k));
        }
        assertThat(converted).containsExactly("a", "b", "c", "a");
    }

    @Test
    void shouldTellApartLongTextsThatDifferInOneCharacter() {
        ReportMemo<String, String> memo = ReportMemo.ofLongTexts(100);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            texts.add("x".repeat(i) + "-" + "y".repeat(999 - i));
        }
        for (String text : texts) {
            memo.get(text, key -> String.valueOf(key.indexOf('-')));
        }
        for (int i = 0; i < texts.size(); i++) {
            assertThat(memo.get(new String(texts.get(i)), key -> "converted again")).isEqualTo(String.valueOf(i));
        }
    }

    private static String record(List<String> converted, String key, String result) {
        converted.add(key);
        return result;
    }
}
