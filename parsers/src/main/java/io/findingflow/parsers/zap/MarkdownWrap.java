package io.findingflow.parsers.zap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * html2text's {@code optwrap}: every paragraph that is not code, a list item or a table row is
 * wrapped at 78 columns by a port of Python's {@code textwrap.wrap} (long words kept whole, lines
 * may break after hyphens).
 */
final class MarkdownWrap {

    private static final int WIDTH = 78;
    private static final String WS = "[\\t\\n\\x0B\\f\\r ]";
    private static final String NWS = "[^\\t\\n\\x0B\\f\\r ]";
    private static final String WORD_PUNCT = "[\\w!\"'&.,?]";
    private static final String LETTER = "[^\\d\\W]";
    /** textwrap's {@code wordsep_re}: whitespace runs, em-dashes, and words split after hyphens. */
    private static final Pattern WORD_SEPARATOR = Pattern.compile(
            "(" + WS + "+"
                    + "|(?<=" + WORD_PUNCT + ")-{2,}(?=\\w)"
                    + "|" + NWS + "+?(?:-(?:(?<=" + LETTER + "{2}-)|(?<=" + LETTER + "-" + LETTER + "-))"
                    + "(?=" + LETTER + "-?" + LETTER + ")"
                    + "|(?=" + WS + "|\\z)"
                    + "|(?<=" + WORD_PUNCT + ")(?=-{2,}\\w)))",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ORDERED_LIST = Pattern.compile("\\d+\\.\\s", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern UNORDERED_LIST = Pattern.compile("[-*+]\\s", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE_PLUS = Pattern.compile("\\s\\+", Pattern.UNICODE_CHARACTER_CLASS);

    private MarkdownWrap() {}

    static String optwrap(String text) {
        StringBuilder result = new StringBuilder();
        int newlines = 0;
        for (String para : text.split("\n", -1)) {
            if (para.isEmpty()) {
                if (newlines < 2) {
                    result.append('\n');
                    newlines++;
                }
                continue;
            }
            if (!skipWrap(para)) {
                String indent = para.startsWith("  *") ? "    " : para.startsWith("> ") ? "> " : "";
                result.append(String.join("\n", wrap(para, indent)));
                if (para.endsWith("  ")) {
                    result.append("  \n");
                    newlines = 1;
                } else if (!indent.isEmpty()) {
                    result.append('\n');
                    newlines = 1;
                } else {
                    result.append("\n\n");
                    newlines = 2;
                }
            } else if (!SPACE_PLUS.matcher(para).lookingAt()) {
                result.append(para).append('\n');
                newlines = 1;
            }
        }
        return result.toString();
    }

    private static boolean skipWrap(String para) {
        if (para.startsWith("    ") || para.charAt(0) == '\t') {
            return true;
        }
        String stripped = pyLstrip(para);
        if (stripped.startsWith("--") && stripped.length() > 2 && stripped.charAt(2) != '-') {
            return false;
        }
        if ((stripped.startsWith("-") || stripped.startsWith("*")) && !stripped.startsWith("**")) {
            return true;
        }
        if (para.contains(" | ")) {
            return true;
        }
        return ORDERED_LIST.matcher(stripped).lookingAt() || UNORDERED_LIST.matcher(stripped).lookingAt();
    }

    /** {@code textwrap.wrap(text, 78, break_long_words=False, subsequent_indent=indent)}. */
    static List<String> wrap(String text, String subsequentIndent) {
        List<String> chunks = chunks(munge(expandTabs(text)));
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            String indent = lines.isEmpty() ? "" : subsequentIndent;
            int width = WIDTH - indent.length();
            if (pyStrip(chunks.get(next)).isEmpty() && !lines.isEmpty()) {
                next++;
            }
            List<String> line = new ArrayList<>();
            int length = 0;
            while (next < chunks.size() && length + len(chunks.get(next)) <= width) {
                length += len(chunks.get(next));
                line.add(chunks.get(next++));
            }
            if (next < chunks.size() && len(chunks.get(next)) > width && line.isEmpty()) {
                line.add(chunks.get(next++));
            }
            if (!line.isEmpty() && pyStrip(line.get(line.size() - 1)).isEmpty()) {
                line.remove(line.size() - 1);
            }
            if (!line.isEmpty()) {
                lines.add(indent + String.join("", line));
            }
        }
        return lines;
    }

    /**
     * textwrap's {@code re.split(wordsep_re)} chunks, empty ones dropped. Whitespace runs are chunks
     * of their own and no alternative of the pattern reaches across one (its lookarounds only test
     * non-whitespace), so each non-whitespace run is split on its own, and one without a hyphen is a
     * single chunk: the regex, whose lazy word match tries every alternative at every character,
     * then only runs on hyphenated words.
     */
    private static List<String> chunks(String munged) {
        List<String> chunks = new ArrayList<>();
        int n = munged.length();
        int start = 0;
        while (start < n) {
            boolean space = munged.charAt(start) == ' ';
            int end = start + 1;
            boolean hyphen = munged.charAt(start) == '-';
            while (end < n && (munged.charAt(end) == ' ') == space) {
                hyphen |= munged.charAt(end) == '-';
                end++;
            }
            String run = munged.substring(start, end);
            if (hyphen) {
                splitHyphenated(run, chunks);
            } else {
                chunks.add(run);
            }
            start = end;
        }
        return chunks;
    }

    private static void splitHyphenated(String word, List<String> chunks) {
        Matcher m = WORD_SEPARATOR.matcher(word);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                chunks.add(word.substring(last, m.start()));
            }
            if (!m.group(1).isEmpty()) {
                chunks.add(m.group(1));
            }
            last = m.end();
        }
        if (last < word.length()) {
            chunks.add(word.substring(last));
        }
    }

    /** textwrap's whitespace munging: each of \t \n \v \f \r becomes a space, so ' ' is the only whitespace left. */
    private static String munge(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    private static int len(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String expandTabs(String text) {
        if (text.indexOf('\t') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t') {
                int spaces = 8 - column % 8;
                out.append(" ".repeat(spaces));
                column += spaces;
            } else {
                out.append(c);
                column = c == '\n' || c == '\r' ? 0 : column + 1;
            }
        }
        return out.toString();
    }

    /** Python's {@code re.sub(r"\s+", " ", text)}. */
    static String collapseWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isPySpace(c)) {
                if (!inSpace) {
                    out.append(' ');
                }
                inSpace = true;
            } else {
                out.append(c);
                inSpace = false;
            }
        }
        return out.toString();
    }

    static String pyStrip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPySpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPySpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static String pyLstrip(String text) {
        int start = 0;
        while (start < text.length() && isPySpace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    /** Python's {@code str.isspace()} for one character (also what {@code \s} matches in re). */
    static boolean isPySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
