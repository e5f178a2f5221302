package io.findingflow.parsers.zap;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokenizer of Python's {@code html.parser.HTMLParser} with {@code convert_charrefs=False}, as
 * html2text drives it (one feed, then close): text runs split at '&lt;' and '&amp;', tags with
 * lower-cased names and unescaped attribute values, character and entity references reported
 * separately, comments and declarations dropped, script/style content read as raw text.
 */
final class HtmlTokenizer {

    /** What the tokenizer reports. */
    interface Handler {
        void startTag(String tag, Map<String, String> attributes);

        void endTag(String tag);

        void data(String text);

        void charRef(String name);

        void entityRef(String name);
    }

    private static final Pattern STARTTAG_OPEN = Pattern.compile("<[a-zA-Z]");
    private static final Pattern CHARREF = Pattern.compile("&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]");
    private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]");
    private static final Pattern INCOMPLETE = Pattern.compile("&[a-zA-Z#]");
    private static final Pattern TAGFIND = Pattern.compile("([a-zA-Z][^\\t\\n\\r\\f />\\x00]*)(?:\\s|/(?!>))*");
    private static final Pattern ATTRFIND = Pattern.compile(
            "((?<=['\"\\s/])[^\\s/>][^\\s/=>]*)(\\s*=+\\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\\s]*))?(?:\\s|/(?!>))*");
    private static final Pattern STARTTAG_END = Pattern.compile(
            "<[a-zA-Z][^\\t\\n\\r\\f />\\x00]*(?:[\\s/]*(?:(?<=['\"\\s/])[^\\s/>][^\\s/=>]*"
                    + "(?:\\s*=+\\s*(?:'[^']*'|\"[^\"]*\"|(?!['\"])[^>\\s]*)\\s*)?(?:\\s|/(?!>))*)*)?\\s*");
    private static final Pattern ENDTAG_FIND = Pattern.compile("</\\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\\s*>");
    private static final Pattern COMMENT_CLOSE = Pattern.compile("--\\s*>");

    private final Handler handler;
    private String cdataElement;
    private Pattern cdataEnd;

    HtmlTokenizer(Handler handler) {
        this.handler = handler;
    }

    /** Feeds the whole text, then closes: what is left unparsed at the end becomes text. */
    void run(String html) {
        String rest = html.substring(goahead(html, false));
        goahead(rest, true);
    }

    /** Returns how far it consumed {@code raw}. */
    private int goahead(String raw, boolean end) {
        int i = 0;
        int n = raw.length();
        while (i < n) {
            int j;
            if (cdataElement == null) {
                j = nextInteresting(raw, i);
            } else {
                Matcher interesting = cdataEnd.matcher(raw);
                if (!interesting.find(i)) {
                    break;
                }
                j = interesting.start();
            }
            if (i < j) {
                handler.data(raw.substring(i, j));
            }
            i = j;
            if (i == n) {
                break;
            }
            if (raw.startsWith("<", i)) {
                int k;
                if (STARTTAG_OPEN.matcher(raw).region(i, n).lookingAt()) {
                    k = parseStartTag(raw, i);
                } else if (raw.startsWith("</", i)) {
                    k = parseEndTag(raw, i);
                } else if (raw.startsWith("<!--", i)) {
                    Matcher close = COMMENT_CLOSE.matcher(raw);
                    k = close.find(i + 4) ? close.end() : -1;
                } else if (raw.startsWith("<!", i) || raw.startsWith("<?", i)) {
                    int gt = raw.indexOf('>', i + 2);
                    k = gt < 0 ? -1 : gt + 1;
                } else if (i + 1 < n) {
                    handler.data("<");
                    k = i + 1;
                } else {
                    break;
                }
                if (k < 0) {
                    if (!end) {
                        break;
                    }
                    k = raw.indexOf('>', i + 1);
                    if (k < 0) {
                        k = raw.indexOf('<', i + 1);
                        if (k < 0) {
                            k = i + 1;
                        }
                    } else {
                        k += 1;
                    }
                    handler.data(raw.substring(i, k));
                }
                i = k;
            } else if (raw.startsWith("&#", i)) {
                Matcher ref = CHARREF.matcher(raw).region(i, n);
                if (ref.lookingAt()) {
                    handler.charRef(ref.group().substring(2, ref.group().length() - 1));
                    int k = ref.end();
                    i = raw.charAt(k - 1) == ';' ? k : k - 1;
                    continue;
                }
                if (raw.indexOf(';', i) >= 0) {
                    handler.data(raw.substring(i, i + 2));
                    i += 2;
                }
                break;
            } else {
                Matcher ref = ENTITYREF.matcher(raw).region(i, n);
                if (ref.lookingAt()) {
                    handler.entityRef(ref.group(1));
                    int k = ref.end();
                    i = raw.charAt(k - 1) == ';' ? k : k - 1;
                    continue;
                }
                Matcher incomplete = INCOMPLETE.matcher(raw).region(i, n);
                if (incomplete.lookingAt()) {
                    if (end && incomplete.group().equals(raw.substring(i))) {
                        i += 1;
                    }
                    break;
                }
                handler.data("&");
                i += 1;
                if (i >= n) {
                    break;
                }
            }
        }
        if (end && i < n && cdataElement == null) {
            handler.data(raw.substring(i));
            i = n;
        }
        return i;
    }

    /**
     * HTMLParser's {@code interesting_normal} ("[&<]") search from {@code from}, or the end: a plain
     * scan, where a new regex matcher for every text run was most of the tokenizer's time.
     */
    private static int nextInteresting(String raw, int from) {
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '<' || c == '&') {
                return i;
            }
        }
        return raw.length();
    }

    private int parseStartTag(String raw, int i) {
        int endPos = wholeStartTag(raw, i);
        if (endPos < 0) {
            return endPos;
        }
        Matcher tagMatch = TAGFIND.matcher(raw).region(i + 1, raw.length());
        tagMatch.lookingAt();
        int k = tagMatch.end();
        String tag = tagMatch.group(1).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        // Python's match(raw, pos) lets the attribute name's lookbehind see the text before pos
        Matcher attr = ATTRFIND.matcher(raw).useTransparentBounds(true);
        while (k < endPos) {
            attr.region(k, raw.length());
            if (!attr.lookingAt()) {
                break;
            }
            String value = attr.group(2) == null || attr.group(2).isEmpty() ? null : attr.group(3);
            if (value != null && value.length() >= 2
                    && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
                value = value.substring(1, value.length() - 1);
            } else if (value != null && (value.equals("'") || value.equals("\""))) {
                value = value.substring(1);
            }
            if (value != null && !value.isEmpty()) {
                value = HtmlEntities.unescape(value);
            }
            attributes.put(attr.group(1).toLowerCase(java.util.Locale.ROOT), value);
            k = attr.end();
        }
        String rest = raw.substring(k, endPos).strip();
        if (!rest.equals(">") && !rest.equals("/>")) {
            handler.data(raw.substring(i, endPos));
            return endPos;
        }
        handler.startTag(tag, attributes);
        if (rest.endsWith("/>")) {
            handler.endTag(tag);
        } else if (tag.equals("script") || tag.equals("style")) {
            cdataElement = tag;
            cdataEnd = Pattern.compile("</\\s*" + tag + "\\s*>", Pattern.CASE_INSENSITIVE);
        }
        return endPos;
    }

    private static int wholeStartTag(String raw, int i) {
        Matcher m = STARTTAG_END.matcher(raw).useTransparentBounds(true).region(i, raw.length());
        m.lookingAt();
        int j = m.end();
        if (j >= raw.length()) {
            return -1;
        }
        char next = raw.charAt(j);
        if (next == '>') {
            return j + 1;
        }
        if (next == '/') {
            if (raw.startsWith("/>", j)) {
                return j + 2;
            }
            return -1;
        }
        if (Character.isLetter(next) && next < 128 || next == '=' || next == '/') {
            return -1;
        }
        return j > i ? j : i + 1;
    }

    private int parseEndTag(String raw, int i) {
        int gt = raw.indexOf('>', i + 1);
        if (gt < 0) {
            return -1;
        }
        int gtPos = gt + 1;
        Matcher match = ENDTAG_FIND.matcher(raw).region(i, raw.length());
        if (!match.lookingAt()) {
            if (cdataElement != null) {
                handler.data(raw.substring(i, gtPos));
                return gtPos;
            }
            Matcher name = TAGFIND.matcher(raw).region(i + 2, raw.length());
            if (!name.lookingAt()) {
                if (raw.startsWith("</>", i)) {
                    return i + 3;
                }
                // a bogus comment: dropped up to the next '>'
                return gtPos;
            }
            handler.endTag(name.group(1).toLowerCase(java.util.Locale.ROOT));
            return raw.indexOf('>', name.end()) + 1;
        }
        String element = match.group(1).toLowerCase(java.util.Locale.ROOT);
        if (cdataElement != null && !element.equals(cdataElement)) {
            handler.data(raw.substring(i, gtPos));
            return gtPos;
        }
        handler.endTag(element);
        cdataElement = null;
        cdataEnd = null;
        return match.end();
    }
}
