package io.findingflow.parsers.sonarqube;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * HTML character references: the HTML5 named references (from {@code html-entities.tsv}, names with
 * and without the legacy optional semicolon) and numeric ones, decoded the way libxml2's HTML
 * parser does for text and attribute values.
 */
final class HtmlEntities {

    private static final Map<String, String> NAMED = load();
    private static final int LONGEST_NAME = 32;

    private HtmlEntities() {}

    private static Map<String, String> load() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = HtmlEntities.class.getResourceAsStream("html-entities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("html-entities.tsv is missing from the parsers jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    StringBuilder value = new StringBuilder();
                    for (String hex : line.substring(tab + 1).split(" ")) {
                        value.appendCodePoint(Integer.parseInt(hex, 16));
                    }
                    names.put(line.substring(0, tab), value.toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Replaces every character reference in {@code raw}; unknown references stay as written. */
    static String decode(String raw) {
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (amp >= 0) {
            out.append(raw, i, amp);
            i = amp + decodeOne(raw, amp, out);
            amp = raw.indexOf('&', i);
        }
        return out.append(raw, i, raw.length()).toString();
    }

    /** Decodes the reference at {@code at} (an '&') into {@code out}; returns how many chars it used. */
    private static int decodeOne(String raw, int at, StringBuilder out) {
        int i = at + 1;
        if (i < raw.length() && raw.charAt(i) == '#') {
            return numeric(raw, at, out);
        }
        int end = i;
        while (end < raw.length() && end - i < LONGEST_NAME && Character.isLetterOrDigit(raw.charAt(end))) {
            end++;
        }
        if (end < raw.length() && raw.charAt(end) == ';') {
            String value = NAMED.get(raw.substring(i, end + 1));
            if (value != null) {
                out.append(value);
                return end + 1 - at;
            }
        }
        // legacy references may omit the semicolon: take the longest known prefix
        for (int stop = end; stop > i; stop--) {
            String value = NAMED.get(raw.substring(i, stop));
            if (value != null) {
                out.append(value);
                return stop - at;
            }
        }
        out.append('&');
        return 1;
    }

    private static int numeric(String raw, int at, StringBuilder out) {
        int i = at + 2;
        boolean hex = i < raw.length() && (raw.charAt(i) == 'x' || raw.charAt(i) == 'X');
        int start = hex ? i + 1 : i;
        int end = start;
        while (end < raw.length() && Character.digit(raw.charAt(end), hex ? 16 : 10) >= 0) {
            end++;
        }
        if (end == start) {
            out.append('&');
            return 1;
        }
        long codePoint;
        try {
            codePoint = end - start > 8 ? Long.MAX_VALUE : Long.parseLong(raw.substring(start, end), hex ? 16 : 10);
        } catch (NumberFormatException tooLong) {
            codePoint = Long.MAX_VALUE;
        }
        if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
            codePoint = 0xFFFD;
        }
        out.appendCodePoint((int) codePoint);
        int used = end - at;
        return end < raw.length() && raw.charAt(end) == ';' ? used + 1 : used;
    }
}
