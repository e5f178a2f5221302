package io.findingflow.parsers.qualys;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of Qualys THREAT/IMPACT/SOLUTION fields as Markdown, following the main rules of the
 * html2text library DefectDojo uses (paragraphs, line breaks, links, emphasis, lists, entity
 * decoding, whitespace collapsing, wrapping at 78 columns). Not a complete html2text port: rare
 * markup (tables, nested quotes) comes out as plain text.
 */
final class QualysHtml {

    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", Pattern.DOTALL);
    private static final Pattern HREF =
            Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");
    private static final Map<String, String> ENTITIES = Map.of(
            "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ", "copy", "\u00a9",
            "reg", "\u00ae", "middot", "\u00b7", "ndash", "\u2013");
    private static final Pattern ORDERED = Pattern.compile("^\\d+\\.\\s");
    private static final int WIDTH = 78;

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> links = new ArrayDeque<>();
    private final Deque<String> lists = new ArrayDeque<>();
    private int pendingNewlines;
    private boolean space;
    private boolean start = true;
    private String automaticLink;
    private boolean skipLinkEnd;

    private QualysHtml() {}

    /** {@code html2text.HTML2Text().handle(blob)}; "" for a missing value. */
    static String text(String html) {
        if (html == null) {
            return "";
        }
        QualysHtml converter = new QualysHtml();
        Matcher token = TOKEN.matcher(html);
        int last = 0;
        while (token.find()) {
            converter.data(html.substring(last, token.start()));
            if (token.group(2) != null) {
                converter.tag(token.group(2).toLowerCase(Locale.ROOT), token.group(1).isEmpty(), token.group(3));
            }
            last = token.end();
        }
        converter.data(html.substring(last));
        converter.paragraphBreak();
        converter.pendingNewlines = 0;
        converter.out.append('\n');
        return wrap(converter.out.toString());
    }

    private void tag(String tag, boolean open, String attributes) {
        switch (tag) {
            case "p", "div" -> pendingNewlines = 2;
            case "br" -> {
                if (open) {
                    emit("  \n");
                }
            }
            case "b", "strong" -> emit("**");
            case "i", "em" -> emit("_");
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                pendingNewlines = 2;
                if (open) {
                    emit("#".repeat(tag.charAt(1) - '0') + " ");
                }
            }
            case "ul", "ol" -> {
                if (open) {
                    lists.push(tag);
                } else if (!lists.isEmpty()) {
                    lists.pop();
                }
                if (lists.isEmpty()) {
                    pendingNewlines = 2;
                } else {
                    paragraphBreak();
                }
            }
            case "li" -> {
                paragraphBreak();
                if (open) {
                    String indent = "  ".repeat(Math.max(0, lists.size() - 1));
                    emit(indent + ("ol".equals(lists.peek()) ? "  1. " : "  * "));
                }
            }
            case "a" -> link(open, attributes);
            default -> {
                // other markup carries no text of its own
            }
        }
    }

    private void link(boolean open, String attributes) {
        if (open) {
            Matcher href = HREF.matcher(attributes);
            String target = href.find()
                    ? decode(href.group(1) != null ? href.group(1) : href.group(2) != null ? href.group(2) : href.group(3))
                    : null;
            links.push(target == null ? "" : target);
            if (target != null) {
                automaticLink = target;
                emit("[");
            }
        } else if (!links.isEmpty()) {
            String target = links.pop();
            if (skipLinkEnd) {
                skipLinkEnd = false;
            } else if (!target.isEmpty()) {
                emit("](" + target + ")");
            }
            automaticLink = null;
        }
    }

    private void data(String raw) {
        if (raw.isEmpty()) {
            return;
        }
        String text = decode(raw);
        if (automaticLink != null && text.equals(automaticLink) && out.length() > 0 && out.charAt(out.length() - 1) == '[') {
            out.setLength(out.length() - 1);
            skipLinkEnd = true;
            automaticLink = null;
            emit("<" + text + ">");
            return;
        }
        automaticLink = null;
        String collapsed = text.replaceAll("\\s+", " ");
        if (collapsed.startsWith(" ")) {
            space = true;
            collapsed = collapsed.substring(1);
        }
        if (!collapsed.isEmpty()) {
            emit(escape(collapsed));
        }
    }

    private void emit(String text) {
        if (start) {
            space = false;
            pendingNewlines = 0;
            start = false;
        }
        if (pendingNewlines > 0) {
            out.append("\n".repeat(pendingNewlines));
            space = false;
            pendingNewlines = 0;
        }
        if (space) {
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append(' ');
            }
            space = false;
        }
        out.append(text);
    }

    private void paragraphBreak() {
        if (pendingNewlines == 0) {
            pendingNewlines = 1;
        }
    }

    /** html2text's escape_md_section: a list-like "1." or a leading "+"/"-" gets a backslash. */
    private static String escape(String text) {
        String escaped = text.replaceAll("\\\\(?=[\\\\`*_{}\\[\\]()#+\\-.!])", "\\\\\\\\");
        escaped = escaped.replaceAll("^(\\s*\\d+)(\\.)(?=\\s)", "$1\\\\$2");
        return escaped.replaceAll("^(\\s*)([+\\-])(?=\\s)", "$1\\\\$2");
    }

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String value;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            } else if (name.startsWith("#")) {
                value = new String(Character.toChars(Integer.parseInt(name.substring(1))));
            } else {
                value = ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), entity.group());
            }
            entity.appendReplacement(decoded, Matcher.quoteReplacement(value));
        }
        entity.appendTail(decoded);
        return decoded.toString();
    }

    /** html2text's optwrap: every text line wrapped at 78 columns and followed by a blank line. */
    private static String wrap(String text) {
        StringBuilder result = new StringBuilder();
        int newlines = 0;
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                if (newlines < 2) {
                    result.append('\n');
                    newlines++;
                }
                continue;
            }
            String stripped = line.stripLeading();
            boolean list = stripped.startsWith("* ") || stripped.startsWith("- ") || stripped.startsWith("+ ")
                    || ORDERED.matcher(stripped).find();
            if (line.startsWith("    ") || line.startsWith("\t") || list) {
                if (!line.isBlank()) {
                    result.append(line).append('\n');
                    newlines = 1;
                }
                continue;
            }
            result.append(String.join("\n", words(line)));
            if (line.endsWith("  ")) {
                result.append("  \n");
                newlines = 1;
            } else {
                result.append("\n\n");
                newlines = 2;
            }
        }
        return result.toString();
    }

    /** textwrap.wrap(line, 78, break_long_words=False) on spaces. */
    private static java.util.List<String> words(String line) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : line.strip().split(" +")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > WIDTH) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(current.length() > 0 ? " " : "").append(word);
        }
        lines.add(current.toString());
        return lines;
    }
}
