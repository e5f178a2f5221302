package io.findingflow.parsers.zap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Java port of the {@code html2text} function DefectDojo runs on ZAP's HTML texts (html2text
 * 2024/2025, default options: inline links, 78-column wrapping, "*" bullets, "_" and "**"
 * emphasis). Receives the tokens, keeps the link, emphasis and table state, and writes through a
 * {@link MarkdownOutput}; {@link HtmlTags} holds the per-tag rules.
 */
final class HtmlToMarkdown implements HtmlTokenizer.Handler {

    private static final Pattern ABSOLUTE_URL = Pattern.compile("^[a-zA-Z+]+://");
    private static final Pattern STRESSED_FOLLOWER =
            Pattern.compile("[^\\]\\[(){}\\s.!?]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final List<String> NO_LINK_OPENING = List.of("p", "div", "style", "dl", "dt", "img");

    final MarkdownOutput md = new MarkdownOutput();
    private final List<Map<String, String>> aStack = new ArrayList<>();
    private String maybeAutomaticLink;
    private boolean emptyLink;
    private boolean code;
    private boolean splitNextTd;
    private int tdCount;
    private boolean tableStart;
    private String abbrTitle;
    private boolean stressed;
    private boolean precedingStressed;
    private String precedingData = "";
    private String currentTag = "";

    private HtmlToMarkdown() {}

    /** {@code html2text.html2text(html)}. */
    static String convert(String html) {
        HtmlToMarkdown converter = new HtmlToMarkdown();
        new HtmlTokenizer(converter).run(html.replace("</' + 'script>", "</ignore>"));
        return MarkdownWrap.optwrap(converter.md.finish());
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
        handleData(HtmlEntities.charRef(name), true);
    }

    @Override
    public void entityRef(String name) {
        handleData(HtmlEntities.entityRef(name), true);
    }

    @Override
    public void data(String text) {
        handleData(text, false);
    }

    private void handleTag(String tag, Map<String, String> attrs, boolean isStart) {
        currentTag = tag;
        if (isStart && maybeAutomaticLink != null && !NO_LINK_OPENING.contains(tag)) {
            md.o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        int heading = heading(tag);
        if (heading > 0) {
            if (!aStack.isEmpty()) {
                if (!isStart) {
                    md.breaks = 0;
                    return;
                }
                // a heading inside a link: the '#'s go before the '['
                if (md.lastPieceIs("[", true)) {
                    md.space = false;
                    md.o("#".repeat(heading) + " ");
                    md.o("[");
                }
            } else {
                md.p();
                if (!isStart) {
                    return;
                }
                md.o("#".repeat(heading) + " ");
            }
        }
        HtmlTags.handle(this, tag, attrs, isStart);
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
                md.o("<" + data + ">");
                emptyLink = false;
                return;
            }
            md.o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        if (!code && !md.pre && !entityChar) {
            data = MarkdownEscape.escapeMdSection(data);
        }
        precedingData = data;
        md.text(data);
    }

    // ---- the per-tag actions HtmlTags calls ----

    boolean inLink() {
        return !aStack.isEmpty();
    }

    boolean splitNextTd() {
        return splitNextTd;
    }

    /** Opens or closes an emphasis; opening one right after some text may need a separating space. */
    void emphasis(String mark, boolean isStart, boolean spaceNeeded) {
        if (isStart && spaceNeeded) {
            md.o(" " + mark);
            precedingData += " ";
        } else {
            md.o(mark);
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
        if (!md.pre) {
            md.o("`");
            code = !code;
        }
    }

    void abbr(boolean isStart, Map<String, String> attrs) {
        if (isStart) {
            abbrTitle = attrs.get("title");
            md.abbrData = "";
        } else {
            if (abbrTitle != null) {
                md.abbreviations.put(md.abbrData, abbrTitle);
                abbrTitle = null;
            }
            md.abbrData = null;
        }
    }

    void anchor(boolean isStart, Map<String, String> attrs) {
        if (isStart) {
            String href = attrs.get("href");
            // internal links (#...) are skipped, as html2text's skip_internal_links default does
            boolean link = href != null && !href.startsWith("#");
            aStack.add(link ? attrs : null);
            if (link) {
                maybeAutomaticLink = href;
                emptyLink = true;
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
                md.o("[");
                emptyLink = false;
                maybeAutomaticLink = null;
            }
            md.breaks = 0;
            String title = MarkdownEscape.escapeMd(a.get("title") == null ? "" : a.get("title"));
            String titlePart = title.strip().isEmpty() ? "" : " \"" + title + "\"";
            md.o("](" + MarkdownEscape.escapeMd(a.get("href")) + titlePart + ")");
        }
    }

    void image(Map<String, String> attrs) {
        String src = attrs.get("src");
        if (src == null) {
            return;
        }
        if (maybeAutomaticLink != null) {
            md.o("[");
            maybeAutomaticLink = null;
            emptyLink = false;
        }
        md.o("![" + MarkdownEscape.escapeMd(attrs.get("alt") == null ? "" : attrs.get("alt")) + "]");
        md.o("(" + MarkdownEscape.escapeMd(src) + ")");
    }

    void tableCell(String tag, boolean isStart) {
        if (tag.equals("table") && isStart) {
            tableStart = true;
        }
        if ((tag.equals("td") || tag.equals("th")) && isStart) {
            if (splitNextTd) {
                md.o("| ");
            }
            splitNextTd = true;
            tdCount++;
        }
        if (tag.equals("tr") && isStart) {
            tdCount = 0;
        }
        if (tag.equals("tr") && !isStart) {
            splitNextTd = false;
            md.softBr();
            if (tableStart) {
                md.o(String.join("|", Collections.nCopies(tdCount, "---")));
                md.softBr();
                tableStart = false;
            }
        }
    }

    void preformatted(boolean isStart) {
        md.startPre = isStart || md.startPre;
        md.pre = isStart;
        md.p();
    }

    static int heading(String tag) {
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) > '0' && tag.charAt(1) <= '9') {
            return tag.charAt(1) - '0';
        }
        return 0;
    }
}
