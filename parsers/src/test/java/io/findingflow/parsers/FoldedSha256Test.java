package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FoldedSha256Test {

    /** Characters where folding, stripping or encoding could go wrong, besides plain ASCII. */
    private static final String ALPHABET = "aZ09 -_.\t\n\r\u000b\f\u001c\u00a0ßẞİıΣσςéÉ中\ud83d\ude00\ud800";

    @Test
    void shouldHashLikeFoldingStrippingAndEncodingTheWholeText() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(i % 10 == 0 ? 400 : 40);
            for (int c = 0; c < length; c++) {
                text.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) ('A' + random.nextInt(58)));
            }
            assertThat(FoldedSha256.of(text.toString())).as("%s", text).isEqualTo(reference(text.toString()));
        }
    }

    /** The builder path (ASCII through a reused buffer, the rest as a String) hashes as the String path does. */
    @Test
    void shouldHashABuilderAsItsText() throws Exception {
        Random random = new Random(7);
        StringBuilder reused = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            reused.setLength(0);
            int length = random.nextInt(i % 100 == 0 ? 70_000 : i % 10 == 0 ? 3_000 : 300);
            boolean asciiOnly = i % 2 == 0;
            for (int c = 0; c < length; c++) {
                reused.append(asciiOnly || random.nextInt(50) != 0 ? (char) (' ' + random.nextInt(95))
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String text = reused.toString();
            assertThat(FoldedSha256.of(reused)).as("length %d", length).isEqualTo(reference(text));
        }
        assertThat(FoldedSha256.of(new StringBuilder("  Title ÄÖÜ  ")))
                .isEqualTo("edd4209987b7809534d108fc6ad9371f39b8c1d90a65f02cc0073de112e9051b");
        assertThat(FoldedSha256.of(new StringBuilder(" \t\n "))).isEqualTo(reference(""));
    }

    @Test
    void shouldMatchPythonForAKnownText() {
        // hashlib.sha256("  Title ÄÖÜ  ".casefold().encode("utf-8").strip()).hexdigest()
        assertThat(FoldedSha256.of("  Title ÄÖÜ  "))
                .isEqualTo("edd4209987b7809534d108fc6ad9371f39b8c1d90a65f02cc0073de112e9051b");
    }

    /** The straightforward form: fold, strip ASCII whitespace, UTF-8, SHA-256, hex. */
    private static String reference(String text) throws Exception {
        String folded = CaseFold.fold(text);
        int start = 0;
        int end = folded.length();
        while (start < end && " \t\n\r\u000b\f".indexOf(folded.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && " \t\n\r\u000b\f".indexOf(folded.charAt(end - 1)) >= 0) {
            end--;
        }
        byte[] bytes = folded.substring(start, end).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
