package io.findingflow.parsers.zap;

import io.findingflow.parsers.zap.MarkdownOutput.ListState;
import java.util.List;
import java.util.Map;

/** html2text's per-tag rules, in its order, applied to a {@link HtmlToMarkdown} converter. */
final class HtmlTags {

    private HtmlTags() {}

    static void handle(HtmlToMarkdown h, String tag, Map<String, String> attrs, boolean start) {
        MarkdownOutput md = h.md;
        if ((tag.equals("p") || tag.equals("div")) && !h.inLink() && !h.splitNextTd()) {
            md.p();
        }
        if (tag.equals("br") && start) {
            md.o(md.blockquote > 0 ? "  \n> " : "  \n");
        }
        if (tag.equals("hr") && start) {
            md.p();
            md.o("* * *");
            md.p();
        }
        if (tag.equals("head") || tag.equals("style") || tag.equals("script")) {
            md.quiet += start ? 1 : -1;
        }
        if (tag.equals("body")) {
            md.quiet = 0;
        }
        if (tag.equals("blockquote")) {
            if (start) {
                md.p();
                md.forced("> ");
                md.start = true;
                md.blockquote++;
            } else {
                md.blockquote--;
                md.p();
            }
        }
        char before = h.lastPrecedingChar();
        switch (tag) {
            case "em", "i", "u" -> h.emphasis("_", start,
                    before != 0 && " \t\n\r\u000b\f".indexOf(before) < 0 && !HtmlToMarkdown.isPunctuation(before));
            case "strong", "b" -> h.emphasis("**", start, before == '*');
            case "del", "strike", "s" -> h.emphasis("~~", start, before == '~');
            case "kbd", "code", "tt" -> h.toggleCode();
            case "abbr" -> h.abbr(start, attrs);
            case "q" -> md.o("\"");
            case "a" -> h.anchor(start, attrs);
            case "img" -> {
                if (start) {
                    h.image(attrs);
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
            list(md, tag, start, attrs);
        }
        md.lastWasList = isList;
        if (tag.equals("li")) {
            listItem(md, start);
        }
        if (tag.equals("table") || tag.equals("tr") || tag.equals("td") || tag.equals("th")) {
            h.tableCell(tag, start);
        }
        if (tag.equals("pre")) {
            h.preformatted(start);
        }
    }

    private static void list(MarkdownOutput md, String tag, boolean isStart, Map<String, String> attrs) {
        if (md.lists.isEmpty() && !md.lastWasList) {
            md.p();
        }
        if (isStart) {
            int numbering = 0;
            String startAttr = attrs.get("start");
            if (startAttr != null) {
                try {
                    numbering = Integer.parseInt(startAttr.strip()) - 1;
                } catch (NumberFormatException notANumber) {
                    numbering = 0;
                }
            }
            md.lists.add(new ListState(tag, numbering));
        } else if (!md.lists.isEmpty()) {
            md.lists.remove(md.lists.size() - 1);
            if (md.lists.isEmpty()) {
                md.o("\n");
            }
        }
    }

    private static void listItem(MarkdownOutput md, boolean isStart) {
        md.pbr();
        if (!isStart) {
            return;
        }
        List<ListState> lists = md.lists;
        ListState li = lists.isEmpty() ? new ListState("ul", 0) : lists.get(lists.size() - 1);
        String parent = null;
        for (ListState list : lists) {
            // CommonMark wants three spaces for a bullet list inside a numbered one
            md.o("ol".equals(parent) && list.name.equals("ul") ? "   " : "  ");
            parent = list.name;
        }
        if (li.name.equals("ul")) {
            md.o("* ");
        } else if (li.name.equals("ol")) {
            li.num++;
            md.o(li.num + ". ");
        }
        md.start = true;
    }
}
