package io.findingflow.parsers.zap;

import java.util.Map;

/** html2text's per-tag rules, in its order, applied to a {@link HtmlToMarkdown} converter. */
final class HtmlTags {

    private HtmlTags() {}

    static void handle(HtmlToMarkdown md, String tag, Map<String, String> attrs, boolean start) {
        if ((tag.equals("p") || tag.equals("div")) && !md.inLink() && !md.splitNextTd()) {
            md.p();
        }
        if (tag.equals("br") && start) {
            md.o(md.blockquoteDepth() > 0 ? "  \n> " : "  \n");
        }
        if (tag.equals("hr") && start) {
            md.p();
            md.o("* * *");
            md.p();
        }
        if (tag.equals("head") || tag.equals("style") || tag.equals("script")) {
            md.quiet(start ? 1 : -1);
        }
        if (tag.equals("body")) {
            md.resetQuiet();
        }
        if (tag.equals("blockquote")) {
            md.blockquote(start);
        }
        char before = md.lastPrecedingChar();
        switch (tag) {
            case "em", "i", "u" -> md.emphasis("_", start,
                    before != 0 && " \t\n\r\u000b\f".indexOf(before) < 0 && !HtmlToMarkdown.isPunctuation(before));
            case "strong", "b" -> md.emphasis("**", start, before == '*');
            case "del", "strike", "s" -> md.emphasis("~~", start, before == '~');
            case "kbd", "code", "tt" -> md.toggleCode();
            case "abbr" -> md.abbr(start, attrs);
            case "q" -> md.quoteMark();
            case "a" -> md.anchor(start, attrs);
            case "img" -> {
                if (start) {
                    md.image(attrs);
                }
            }
            case "dl" -> {
                if (start) {
                    md.p();
                }
            }
            case "dt" -> {
                if (!start) {
                    md.pbr();
                }
            }
            case "dd" -> {
                if (start) {
                    md.o("    ");
                } else {
                    md.pbr();
                }
            }
            default -> {
                // other tags have no rule of their own here
            }
        }
        boolean isList = tag.equals("ol") || tag.equals("ul");
        if (isList) {
            md.list(tag, start, attrs);
        }
        md.lastWasList(isList);
        if (tag.equals("li")) {
            md.listItem(start);
        }
        if (tag.equals("table") || tag.equals("tr") || tag.equals("td") || tag.equals("th")) {
            md.tableCell(tag, start);
        }
        if (tag.equals("pre")) {
            md.preformatted(start);
        }
    }
}
