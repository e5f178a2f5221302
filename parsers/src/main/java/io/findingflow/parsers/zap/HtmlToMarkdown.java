package io.findingflow.parsers.zap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Java port of the {@code html2text} function DefectDojo runs on ZAP's HTML texts (html2text
 * 2024/2025, default options: inline links, 78-column wrapping, "*" bullets, "_" and "**"
 * emphasis). One instance converts one text; {@link #convert} is the entry point.
 */
final class HtmlToMarkdown implements HtmlTokenizer.Handler {

    private static final String NBSP_PLACEHOLDER = "&nbsp_place_holder;";
    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z+]+://");
    private static final Pattern STRESSED_FOLLOWER = Pattern.compile("[^\\]\\[(){}\\s.!?]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final Map<String, String> UNIFIABLE = unifiable();
    private static final Map<Integer, String> UNIFIABLE_CODES = Map.ofEntries(
            Map.entry(169, "(C)"), Map.entry(183, "*"), Map.entry(224, "a"), Map.entry(225, "a"),
            Map.entry(226, "a"), Map.entry(227, "a"), Map.entry(228, "a"), Map.entry(229, "a"),
            Map.entry(230, "ae"), Map.entry(232, "e"), Map.entry(233, "e"), Map.entry(234, "e"),
            Map.entry(235, "e"), Map.entry(236, "i"), Map.entry(237, "i"), Map.entry(238, "i"),
            Map.entry(239, "i"), Map.entry(242, "o"), Map.entry(243, "o"), Map.entry(244, "o"),
            Map.entry(245, "o"), Map.entry(246, "o"), Map.entry(249, "u"), Map.entry(250, "u"),
            Map.entry(251, "u"), Map.entry(252, "u"), Map.entry(339, "oe"), Map.entry(8206, ""),
            Map.entry(8207, ""), Map.entry(8211, "-"), Map.entry(8212, "--"), Map.entry(8216, "'"),
            Map.entry(8217, "'"), Map.entry(8220, "\""), Map.entry(8221, "\""), Map.entry(8592, "<-"),
            Map.entry(8594, "->"));

    /** An open list: its kind ("ul"/"ol") and the last number used. */
    private static final class ListState {
        final String name;
        int num;

        ListState(String name, int num) {
            this.name = name;
            this.num = num;
        }
    }

    private final List<String> outText = new ArrayList<>();
    private final List<Map<String, String>> aStack = new ArrayList<>();
    private final List<ListState> lists = new ArrayList<>();
    private final Map<String, String> abbrList = new LinkedHashMap<>();
    private int quiet;
    private int pP;
    private boolean start = true;
    private boolean space;
    private String maybeAutomaticLink;
    private boolean emptyLink;
    private int blockquote;
    private boolean pre;
    private boolean startPre;
    private boolean code;
    private boolean quote;
    private String brToggle = "";
    private boolean lastWasNl;
    private boolean lastWasList;
    private boolean splitNextTd;
    private int tdCount;
    private boolean tableStart;
    private String abbrTitle;
    private String abbrData;
    private boolean stressed;
    private boolean precedingStressed;
    private String precedingData = "";
    private String currentTag = "";

    private HtmlToMarkdown() {}

    /** {@code html2text.html2text(html)}. */
    static String convert(String html) {
        HtmlToMarkdown converter = new HtmlToMarkdown();
        new HtmlTokenizer(converter).run(html.replace("</' + 'script>", "</ignore>"));
        return MarkdownWrap.optwrap(converter.finish());
    }

    private String finish() {
        pbr();
        o("", false, "end");
        return String.join("", outText).replace(NBSP_PLACEHOLDER, " ");
    }

    @Override
    public void startTag(String tag, Map<String, String> attributes) {
        handleTag(tag, attributes, true);
    }

    @Override
    public void endTag(String tag) {
        handleTag(tag, Map.of(), false);
    }

    @Override
    public void charRef(String name) {
        int code;
        try {
            code = name.charAt(0) == 'x' || name.charAt(0) == 'X'
                    ? Integer.parseInt(name.substring(1), 16) : Integer.parseInt(name);
        } catch (NumberFormatException tooLarge) {
            return;
        }
        String text = UNIFIABLE_CODES.get(code);
        if (text == null) {
            text = code >= 0 && code <= 0x10FFFF ? new String(Character.toChars(code)) : "";
        }
        handleData(text, true);
    }

    @Override
    public void entityRef(String name) {
        String text = UNIFIABLE.get(name);
        if (text == null) {
            text = HtmlEntities.named(name + ";");
            text = text == null ? "&" + name + ";" : text;
        }
        if (!text.isEmpty()) {
            handleData(text, true);
        }
    }

    @Override
    public void data(String text) {
        handleData(text, false);
    }

    private void handleTag(String tag, Map<String, String> attrs, boolean isStart) {
        currentTag = tag;
        if (isStart && maybeAutomaticLink != null && !List.of("p", "div", "style", "dl", "dt").contains(tag)
                && !tag.equals("img")) {
            o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        int heading = heading(tag);
        if (heading > 0) {
            if (!aStack.isEmpty()) {
                if (!isStart) {
                    pP = 0;
                    return;
                }
                if (!outText.isEmpty() && outText.get(outText.size() - 1).equals("[")) {
                    outText.remove(outText.size() - 1);
                    space = false;
                    o("#".repeat(heading) + " ");
                    o("[");
                }
            } else {
                p();
                if (!isStart) {
                    return;
                }
                o("#".repeat(heading) + " ");
            }
        }
        HtmlTags.handle(this, tag, attrs, isStart);
    }

    // ---- state used by HtmlTags (package-private so the tag table can live in its own file) ----

    boolean inLink() {
        return !aStack.isEmpty();
    }

    boolean splitNextTd() {
        return splitNextTd;
    }

    void splitNextTd(boolean value) {
        splitNextTd = value;
    }

    void quiet(int delta) {
        quiet += delta;
    }

    void resetQuiet() {
        quiet = 0;
    }

    void blockquote(boolean open) {
        if (open) {
            p();
            o("> ", false, Boolean.TRUE);
            start = true;
            blockquote++;
        } else {
            blockquote--;
            p();
        }
    }

    int blockquoteDepth() {
        return blockquote;
    }

    /** The emphasis mark, with a separating space when the text before would glue to it. */
    void emphasis(String mark, boolean isStart, boolean spaceNeeded) {
        if (isStart && spaceNeeded) {
            o(" " + mark);
            precedingData += " ";
        } else {
            o(mark);
        }
        if (isStart) {
            stressed = true;
        }
    }

    char lastPrecedingChar() {
        return precedingData.isEmpty() ? 0 : precedingData.charAt(precedingData.length() - 1);
    }

    static boolean isPunctuation(char c) {
        return PUNCTUATION.indexOf(c) >= 0;
    }

    void toggleCode() {
        if (!pre) {
            o("`");
            code = !code;
        }
    }

    void abbr(boolean isStart, Map<String, String> attrs) {
        if (isStart) {
            abbrTitle = attrs.get("title");
            abbrData = "";
        } else {
            if (abbrTitle != null) {
                abbrList.put(abbrData, abbrTitle);
                abbrTitle = null;
            }
            abbrData = null;
        }
    }

    void quoteMark() {
        o("\"");
        quote = !quote;
    }

    void anchor(boolean isStart, Map<String, String> attrs) {
        if (isStart) {
            String href = attrs.get("href");
            if (href != null && !href.startsWith("#")) {
                aStack.add(attrs);
                maybeAutomaticLink = href;
                emptyLink = true;
            } else {
                aStack.add(null);
            }
            return;
        }
        if (aStack.isEmpty()) {
            return;
        }
        Map<String, String> a = aStack.remove(aStack.size() - 1);
        if (maybeAutomaticLink != null && !maybeAutomaticLink.isEmpty() && !emptyLink) {
            maybeAutomaticLink = null;
        } else if (a != null) {
            if (emptyLink) {
                o("[");
                emptyLink = false;
                maybeAutomaticLink = null;
            }
            pP = 0;
            String title = MarkdownEscape.escapeMd(a.get("title") == null ? "" : a.get("title"));
            String titlePart = title.strip().isEmpty() ? "" : " \"" + title + "\"";
            o("](" + MarkdownEscape.escapeMd(a.get("href")) + titlePart + ")");
        }
    }

    void image(Map<String, String> attrs) {
        String src = attrs.get("src");
        if (src == null) {
            return;
        }
        String alt = attrs.get("alt") == null ? "" : attrs.get("alt");
        if (maybeAutomaticLink != null) {
            o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        o("![" + MarkdownEscape.escapeMd(alt) + "]");
        o("(" + MarkdownEscape.escapeMd(src) + ")");
    }

    void list(String tag, boolean isStart, Map<String, String> attrs) {
        if (lists.isEmpty() && !lastWasList) {
            p();
        }
        if (isStart) {
            int numbering = 0;
            String startAttr = attrs.get("start");
            if (startAttr != null) {
                try {
                    numbering = Integer.parseInt(startAttr.strip()) - 1;
                } catch (NumberFormatException ignored) {
                    numbering = 0;
                }
            }
            lists.add(new ListState(tag, numbering));
        } else if (!lists.isEmpty()) {
            lists.remove(lists.size() - 1);
            if (lists.isEmpty()) {
                o("\n");
            }
        }
    }

    void lastWasList(boolean value) {
        lastWasList = value;
    }

    void listItem(boolean isStart) {
        pbr();
        if (!isStart) {
            return;
        }
        ListState li = lists.isEmpty() ? new ListState("ul", 0) : lists.get(lists.size() - 1);
        String parent = null;
        for (ListState list : lists) {
            o("ol".equals(parent) && list.name.equals("ul") ? "   " : "  ");
            parent = list.name;
        }
        if (li.name.equals("ul")) {
            o("* ");
        } else if (li.name.equals("ol")) {
            li.num++;
            o(li.num + ". ");
        }
        start = true;
    }

    void tableCell(String tag, boolean isStart) {
        if (tag.equals("table") && isStart) {
            tableStart = true;
        }
        if ((tag.equals("td") || tag.equals("th")) && isStart) {
            if (splitNextTd) {
                o("| ");
            }
            splitNextTd = true;
            tdCount++;
        }
        if (tag.equals("tr") && isStart) {
            tdCount = 0;
        }
        if (tag.equals("tr") && !isStart) {
            splitNextTd = false;
            softBr();
            if (tableStart) {
                o(String.join("|", java.util.Collections.nCopies(tdCount, "---")));
                softBr();
                tableStart = false;
            }
        }
    }

    void preformatted(boolean isStart) {
        if (isStart) {
            startPre = true;
            pre = true;
        } else {
            pre = false;
        }
        p();
    }

    void pbr() {
        if (pP == 0) {
            pP = 1;
        }
    }

    void p() {
        pP = 2;
    }

    void softBr() {
        pbr();
        brToggle = "  ";
    }

    void o(String data) {
        o(data, false, Boolean.FALSE);
    }

    private void handleData(String text, boolean entityChar) {
        if (text.isEmpty()) {
            return;
        }
        String data = text;
        if (stressed) {
            data = MarkdownWrap.pyStrip(data);
            stressed = false;
            precedingStressed = true;
        } else if (precedingStressed) {
            if (STRESSED_FOLLOWER.matcher(data.substring(0, 1)).matches() && heading(currentTag) == 0
                    && !List.of("a", "code", "pre").contains(currentTag)) {
                data = " " + data;
            }
            precedingStressed = false;
        }
        if (maybeAutomaticLink != null) {
            if (maybeAutomaticLink.equals(data) && ABSOLUTE_URL.matcher(data).find()) {
                o("<" + data + ">");
                emptyLink = false;
                return;
            }
            o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        if (!code && !pre && !entityChar) {
            data = MarkdownEscape.escapeMdSection(data);
        }
        precedingData = data;
        o(data, true, Boolean.FALSE);
    }

    /** html2text's {@code o()}: whitespace, paragraph breaks, blockquote and pre indentation. */
    private void o(String text, boolean pureData, Object force) {
        String data = text;
        if (abbrData != null) {
            abbrData += data;
        }
        if (quiet != 0) {
            return;
        }
        if (pureData && !pre) {
            data = MarkdownWrap.collapseWhitespace(data);
            if (!data.isEmpty() && data.charAt(0) == ' ') {
                space = true;
                data = data.substring(1);
            }
        }
        boolean forced = !Boolean.FALSE.equals(force);
        if (data.isEmpty() && !forced) {
            return;
        }
        if (startPre && !data.startsWith("\n") && !data.startsWith("\r\n")) {
            data = "\n" + data;
        }
        String bq = ">".repeat(blockquote);
        if (!(forced && !data.isEmpty() && data.charAt(0) == '>') && blockquote > 0) {
            bq += " ";
        }
        if (pre) {
            if (lists.isEmpty()) {
                bq += "    ";
            }
            bq += "    ".repeat(lists.size());
            data = data.replace("\n", "\n" + bq);
        }
        if (startPre) {
            startPre = false;
            if (!lists.isEmpty()) {
                data = data.replaceFirst("^\n+", "");
            }
        }
        if (start) {
            space = false;
            pP = 0;
            start = false;
        }
        boolean end = "end".equals(force);
        if (end) {
            pP = 0;
            out("\n");
            space = false;
        }
        if (pP > 0) {
            out((brToggle + "\n" + bq).repeat(pP));
            space = false;
            brToggle = "";
        }
        if (space) {
            if (!lastWasNl) {
                out(" ");
            }
            space = false;
        }
        if (end && !abbrList.isEmpty()) {
            abbrList.forEach((abbr, definition) -> out("  *[" + abbr + "]: " + definition + "\n"));
        }
        pP = 0;
        out(data);
    }

    private void out(String s) {
        outText.add(s);
        if (!s.isEmpty()) {
            lastWasNl = s.charAt(s.length() - 1) == '\n';
        }
    }

    static int heading(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) > '0' && tag.charAt(1) <= '9') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }

    private static Map<String, String> unifiable() {
        Map<String, String> map = new java.util.HashMap<>(Map.of(
                "rsquo", "'", "lsquo", "'", "rdquo", "\"", "ldquo", "\"", "copy", "(C)",
                "mdash", "--", "nbsp", NBSP_PLACEHOLDER, "rarr", "->", "larr", "<-", "middot", "*"));
        map.putAll(Map.of("ndash", "-", "oelig", "oe", "aelig", "ae", "lrm", "", "rlm", ""));
        for (String vowel : List.of("agrave:a", "aacute:a", "acirc:a", "atilde:a", "auml:a", "aring:a",
                "egrave:e", "eacute:e", "ecirc:e", "euml:e", "igrave:i", "iacute:i", "icirc:i", "iuml:i",
                "ograve:o", "oacute:o", "ocirc:o", "otilde:o", "ouml:o", "ugrave:u", "uacute:u",
                "ucirc:u", "uuml:u")) {
            map.put(vowel.substring(0, vowel.indexOf(':')), vowel.substring(vowel.indexOf(':') + 1));
        }
        return Map.copyOf(map);
    }
}
