package io.findingflow.parsers.qualys;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML of Qualys THREAT/IMPACT/SOLUTION fields as Markdown, following the main rules of the
 * html2text library DefectDojo uses (paragraphs, line breaks, links, emphasis, lists, entity
 * decoding, whitespace collapsing, wrapping at 78 columns). Not a complete html2text port: rare
 * markup (tables, pre blocks, quotes) comes out as plain text. Only the description, mitigation
 * and impact go through it, none of which takes part in Qualys' hash_code.
 */
final class QualysHtml {

    private static final Pattern TOKEN = Pattern.compile(
            "<!--.*?-->|<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", Pattern.DOTALL);
    private static final Pattern HREF =
            Pattern.compile("href\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);");
    /** html2text keeps &nbsp; out of whitespace collapsing and writes it as a plain space. */
    private static final String NBSP = "\u00a0";
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", NBSP), Map.entry("copy", "(C)"), Map.entry("reg", "(R)"),
            Map.entry("trade", "(TM)"), Map.entry("mdash", "--"), Map.entry("ndash", "-"), Map.entry("rsquo", "'"),
            Map.entry("lsquo", "'"), Map.entry("rdquo", "\""), Map.entry("ldquo", "\""), Map.entry("hellip", "..."),
            Map.entry("middot", "\u00b7"));
    private static final Map<Integer, String> UNIFIABLE = Map.of(
            0xa9, "(C)", 0xae, "(R)", 0x2122, "(TM)", 0x2014, "--", 0x2013, "-", 0x2019, "'", 0x2018, "'",
            0x201d, "\"", 0x201c, "\"", 0x2026, "...");
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z+]+://");
    private static final Pattern ORDERED = Pattern.compile("^\\d+\\.\\s");
    private static final int WIDTH = 78;
    /** Python textwrap's wordsep_re (break_on_hyphens=True). */
    private static final Pattern WORD_SEPARATOR = Pattern.compile(
            "(\\s+|(?<=[\\w!\"'&.,?])-{2,}(?=\\w)|\\S+?(?:-(?:(?<=[^\\d\\W]{2}-)|(?<=[^\\d\\W]-[^\\d\\W]-))"
                    + "(?=[^\\d\\W]-?[^\\d\\W])|(?=\\s|\\z)|(?<=[\\w!\"'&.,?])(?=-{2,}\\w)))",
            Pattern.UNICODE_CHARACTER_CLASS);

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> links = new ArrayDeque<>();
    private final Deque<String> lists = new ArrayDeque<>();
    private final Deque<int[]> numbers = new ArrayDeque<>();
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
        return wrap(converter.out.toString()).replace(NBSP, " ");
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
                    numbers.push(new int[] {0});
                } else if (!lists.isEmpty()) {
                    lists.pop();
                    numbers.pop();
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
                    boolean ordered = "ol".equals(lists.peek());
                    String marker = ordered ? "  " + (++numbers.peek()[0]) + ". " : "  * ";
                    emit(indent + marker);
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
        String text = escape(decode(raw));
        if (automaticLink != null && text.equals(automaticLink) && ABSOLUTE_URL.matcher(text).find() && out.length() > 0 && out.charAt(out.length() - 1) == '[') {
            out.setLength(out.length() - 1);
            skipLinkEnd = true;
            automaticLink = null;
            emit("<" + text + ">");
            return;
        }
        automaticLink = null;
        String collapsed = text.replaceAll("[ \\t\\n\\r\\f\\u000b]+", " ");
        if (collapsed.startsWith(" ")) {
            space = true;
            collapsed = collapsed.substring(1);
        }
        if (!collapsed.isEmpty()) {
            emit(collapsed);
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
        escaped = escaped.replaceAll("(?m)^(\\s*\\d+)(\\.)(?=\\s)", "$1\\\\$2");
        return escaped.replaceAll("(?m)^(\\s*)([+\\-])(?=\\s)", "$1\\\\$2");
    }

    private static String decode(String text) {
        Matcher entity = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String value;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                value = codePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                value = codePoint(Integer.parseInt(name.substring(1)));
            } else {
                value = ENTITIES.getOrDefault(name.toLowerCase(Locale.ROOT), entity.group());
            }
            entity.appendReplacement(decoded, Matcher.quoteReplacement(value));
        }
        entity.appendTail(decoded);
        return decoded.toString();
    }

    private static String codePoint(int code) {
        return UNIFIABLE.getOrDefault(code, code == 0xa0 ? NBSP : new String(Character.toChars(code)));
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
            result.append(String.join("\n", words(line.replace('\t', ' '))));
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

    /** textwrap.wrap(line, 78, break_long_words=False): chunks split at spaces and after hyphens. */
    private static List<String> words(String line) {
        List<String> chunks = new ArrayList<>();
        Matcher chunk = WORD_SEPARATOR.matcher(line);
        while (chunk.find()) {
            chunks.add(chunk.group());
        }
        List<String> lines = new ArrayList<>();
        int next = 0;
        while (next < chunks.size()) {
            if (!lines.isEmpty() && chunks.get(next).isBlank()) {
                next++;
                continue;
            }
            List<String> current = new ArrayList<>();
            int length = 0;
            while (next < chunks.size() && length + chunks.get(next).length() <= WIDTH) {
                length += chunks.get(next).length();
                current.add(chunks.get(next++));
            }
            if (current.isEmpty() && next < chunks.size()) {
                current.add(chunks.get(next++));
            }
            if (!current.isEmpty() && current.get(current.size() - 1).isBlank()) {
                current.remove(current.size() - 1);
            }
            if (!current.isEmpty()) {
                lines.add(String.join("", current));
            }
        }
        return lines;
    }
}
