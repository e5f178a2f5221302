package io.findingflow.parsers.zap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML5's named character references (Python's {@code html.entities.html5}, shipped as a resource:
 * keys with the trailing ';' and the legacy ones without) and {@code html.unescape} for attribute
 * values.
 */
final class HtmlEntities {

    private static final Map<String, String> HTML5 = load();
    private static final Pattern REFERENCE =
            Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");

    private static final Map<String, String> UNIFIABLE = unifiable();
    private static final Map<Integer, String> UNIFIABLE_CODES = unifiableCodes();

    private HtmlEntities() {}

    /** html2text's {@code charref()}: the character, its ASCII stand-in, or "" when invalid. */
    static String charRef(String name) {
        int point;
        try {
            point = name.charAt(0) == 'x' || name.charAt(0) == 'X'
                    ? Integer.parseInt(name.substring(1), 16) : Integer.parseInt(name);
        } catch (NumberFormatException tooLarge) {
            return "";
        }
        String text = UNIFIABLE_CODES.get(point);
        if (text != null) {
            return text;
        }
        return point >= 0 && point <= 0x10FFFF ? new String(Character.toChars(point)) : "";
    }

    /** html2text's {@code entityref()}: stand-in, HTML5 character, or the reference kept as text. */
    static String entityRef(String name) {
        String text = UNIFIABLE.get(name);
        if (text == null) {
            text = named(name + ";");
        }
        return text == null ? "&" + name + ";" : text;
    }

    /** {@code html.entities.html5[key]}, or null ({@code key} includes the ';' where it has one). */
    static String named(String key) {
        return HTML5.get(key);
    }

    /** Python's {@code html.unescape}: every character reference in {@code text} replaced. */
    static String unescape(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(replace(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String replace(String ref) {
        if (ref.startsWith("#")) {
            String digits = ref.endsWith(";") ? ref.substring(1, ref.length() - 1) : ref.substring(1);
            long code;
            try {
                code = digits.startsWith("x") || digits.startsWith("X")
                        ? Long.parseLong(digits.substring(1), 16) : Long.parseLong(digits);
            } catch (NumberFormatException tooLong) {
                return "\uFFFD";
            }
            if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return "\uFFFD";
            }
            String windows = code >= 0x80 && code <= 0x9F ? WINDOWS_1252.get((int) code) : null;
            return windows != null ? windows : new String(Character.toChars((int) code));
        }
        String exact = HTML5.get(ref);
        if (exact != null) {
            return exact;
        }
        for (int x = ref.length() - 1; x > 1; x--) {
            String prefix = HTML5.get(ref.substring(0, x));
            if (prefix != null) {
                return prefix + ref.substring(x);
            }
        }
        return "&" + ref;
    }

    private static final Map<Integer, String> WINDOWS_1252 = Map.ofEntries(
            Map.entry(0x80, "\u20ac"), Map.entry(0x82, "\u201a"), Map.entry(0x83, "\u0192"),
            Map.entry(0x84, "\u201e"), Map.entry(0x85, "\u2026"), Map.entry(0x86, "\u2020"),
            Map.entry(0x87, "\u2021"), Map.entry(0x88, "\u02c6"), Map.entry(0x89, "\u2030"),
            Map.entry(0x8a, "\u0160"), Map.entry(0x8b, "\u2039"), Map.entry(0x8c, "\u0152"),
            Map.entry(0x8e, "\u017d"), Map.entry(0x91, "\u2018"), Map.entry(0x92, "\u2019"),
            Map.entry(0x93, "\u201c"), Map.entry(0x94, "\u201d"), Map.entry(0x95, "\u2022"),
            Map.entry(0x96, "\u2013"), Map.entry(0x97, "\u2014"), Map.entry(0x98, "\u02dc"),
            Map.entry(0x99, "\u2122"), Map.entry(0x9a, "\u0161"), Map.entry(0x9b, "\u203a"),
            Map.entry(0x9c, "\u0153"), Map.entry(0x9e, "\u017e"), Map.entry(0x9f, "\u0178"));

    private static Map<String, String> load() {
        Map<String, String> entities = new HashMap<>();
        try (InputStream in = HtmlEntities.class.getResourceAsStream("html5-entities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("html5-entities.tsv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                StringBuilder value = new StringBuilder();
                for (String hex : line.substring(tab + 1).split(" ")) {
                    value.appendCodePoint(Integer.parseInt(hex, 16));
                }
                entities.put(line.substring(0, tab), value.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entities;
    }

    /** html2text's plain-text stand-ins for some named entities (unicode_snob off). */
    private static Map<String, String> unifiable() {
        Map<String, String> map = new HashMap<>(Map.of(
                "rsquo", "'", "lsquo", "'", "rdquo", "\"", "ldquo", "\"", "copy", "(C)",
                "mdash", "--", "nbsp", MarkdownOutput.NBSP_PLACEHOLDER, "rarr", "->", "larr", "<-", "middot", "*"));
        map.putAll(Map.of("ndash", "-", "oelig", "oe", "aelig", "ae", "lrm", "", "rlm", ""));
        for (String accented : List.of("agrave:a", "aacute:a", "acirc:a", "atilde:a", "auml:a", "aring:a",
                "egrave:e", "eacute:e", "ecirc:e", "euml:e", "igrave:i", "iacute:i", "icirc:i", "iuml:i",
                "ograve:o", "oacute:o", "ocirc:o", "otilde:o", "ouml:o", "ugrave:u", "uacute:u",
                "ucirc:u", "uuml:u")) {
            map.put(accented.substring(0, accented.indexOf(':')), accented.substring(accented.indexOf(':') + 1));
        }
        return Map.copyOf(map);
    }

    /** The same stand-ins by code point, for numeric character references (nbsp excluded). */
    private static Map<Integer, String> unifiableCodes() {
        Map<Integer, String> map = new HashMap<>();
        for (Map.Entry<String, String> entry : UNIFIABLE.entrySet()) {
            String character = named(entry.getKey() + ";");
            if (!entry.getKey().equals("nbsp") && character != null) {
                map.put(character.codePointAt(0), entry.getValue());
            }
        }
        return Map.copyOf(map);
    }
}
