package io.findingflow.parsers.sonarqube;

import java.util.Map;

/**
 * The text DefectDojo derives from rule descriptions: {@code etree.tostring(element,
 * pretty_print=True)} (libxml2's XML serialisation, ASCII with decimal character references,
 * indentation only inside elements without text children, the element's tail included), then
 * Django's {@code strip_tags}, which drops tags and comments and keeps entity references as written.
 */
final class LxmlText {

    private static final String INDENT = "  ";
    /** libxml2 stops indenting deeper than this many levels. */
    private static final int MAX_INDENT_LEVELS = 30;

    private LxmlText() {}

    /** The description of a rule: its serialisation up to the "See" heading, h2 headings in bold. */
    static String ruleDescription(HtmlNode element) {
        String markup = serialize(element);
        int see = markup.indexOf("<h2>See");
        if (see >= 0) {
            markup = markup.substring(0, see);
        }
        markup = markup.replace("<h2>", "**").replace("</h2>", "**");
        return pythonStrip(stripTags(markup));
    }

    /** {@code etree.tostring(element, pretty_print=True)}, tail included. */
    static String serialize(HtmlNode element) {
        StringBuilder out = new StringBuilder();
        dump(element, element, 0, true, out);
        String tail = element.tail();
        if (tail != null) {
            escapeText(tail, out);
        }
        return out.toString();
    }

    private static void dump(HtmlNode node, HtmlNode root, int level, boolean format, StringBuilder out) {
        switch (node.kind) {
            case TEXT -> escapeText(node.content, out);
            case COMMENT -> out.append("<!--").append(node.content).append("-->");
            case ELEMENT -> {
                out.append('<').append(node.name);
                for (Map.Entry<String, String> attribute : node.attributes.entrySet()) {
                    out.append(' ').append(attribute.getKey()).append("=\"");
                    escapeAttribute(attribute.getValue(), out);
                    out.append('"');
                }
                if (node.children.isEmpty()) {
                    out.append("/>");
                    return;
                }
                boolean childFormat = format && node.children.stream().noneMatch(c -> c.kind == HtmlNode.Kind.TEXT);
                out.append('>');
                if (childFormat) {
                    out.append('\n');
                }
                for (HtmlNode child : node.children) {
                    if (childFormat && child.kind != HtmlNode.Kind.TEXT) {
                        indent(level + 1, out);
                    }
                    dump(child, root, level + 1, childFormat, out);
                    if (childFormat) {
                        out.append('\n');
                    }
                }
                if (childFormat) {
                    indent(level, out);
                }
                out.append("</").append(node.name).append('>');
            }
        }
    }

    private static void indent(int level, StringBuilder out) {
        for (int i = 0; i < Math.min(level, MAX_INDENT_LEVELS); i++) {
            out.append(INDENT);
        }
    }

    private static void escapeText(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#13;");
                default -> i = appendAscii(text, i, out);
            }
        }
    }

    private static void escapeAttribute(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> i = appendAscii(value, i, out);
            }
        }
    }

    /** ASCII as is; anything else as the decimal reference the ASCII output encoder writes. */
    private static int appendAscii(CharSequence text, int i, StringBuilder out) {
        char c = text.charAt(i);
        if (c < 0x80) {
            out.append(c);
            return i;
        }
        int codePoint = c;
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            codePoint = Character.toCodePoint(c, text.charAt(i + 1));
            i++;
        }
        out.append("&#").append(codePoint).append(';');
        return i;
    }

    /**
     * Django's {@code strip_tags} on well-formed serialiser output: tags, comments, declarations and
     * processing instructions go, everything else (character references included) stays.
     */
    static String stripTags(String markup) {
        StringBuilder out = new StringBuilder(markup.length());
        int i = 0;
        while (i < markup.length()) {
            char c = markup.charAt(i);
            if (c == '<' && markup.startsWith("<!--", i)) {
                int end = markup.indexOf("-->", i + 4);
                i = end < 0 ? markup.length() : end + 3;
            } else if (c == '<' && i + 1 < markup.length() && isTagStart(markup.charAt(i + 1))) {
                int end = markup.indexOf('>', i + 1);
                if (end < 0) {
                    // an unterminated tag at the very end: HTMLParser hands it back as text
                    out.append(markup, i, markup.length());
                    break;
                }
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    /** Python's {@code str.strip()}: Unicode whitespace at both ends. */
    static String pythonStrip(String text) {
        if (text == null) {
            return null;
        }
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }
}
