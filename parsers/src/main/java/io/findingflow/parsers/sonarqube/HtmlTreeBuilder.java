package io.findingflow.parsers.sonarqube;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the tree libxml2's HTML parser (lxml's {@code HTMLParser}) builds from the same markup:
 * implied {@code html}/{@code head}/{@code body}, HTML 4 void elements, the start tags that close
 * open elements ({@code <li>} closes {@code <li>}, {@code <h2>} closes {@code <p>}, ...), end tags
 * that only close up to an element of higher priority, whitespace kept as text.
 *
 * <p>A sonar-report page is mostly chrome around two tables; with a {@link DetailRows} listener
 * only the subtrees under {@code /html/body/div[contains(@class,'detail')]} are built, and every
 * child of a detail table body is handed to the listener, then dropped, as soon as it is complete.
 */
final class HtmlTreeBuilder implements HtmlTokenizer.Handler {

    /** Receives the children of {@code /html/body/div[contains(@class,'detail')]/table/tbody}. */
    interface DetailRows {
        /** {@code row} is complete; {@code body} is the index of its tbody among the detail table bodies. */
        void row(int body, HtmlNode row);
    }

    /** libxml2 stops at this depth too; it also keeps the recursive walks safe. */
    static final int MAX_DEPTH = 256;


    private final boolean detailOnly;
    private final DetailRows rows;
    private int detailBodies;
    private final List<HtmlNode> open = new ArrayList<>();
    /** Whether each open element is part of the kept tree (parallel to {@code open}). */
    private final List<Boolean> kept = new ArrayList<>();
    private HtmlNode root;
    private boolean sawHead;
    private boolean sawBody;
    private int discarded;
    private boolean tooDeep;

    private HtmlTreeBuilder(DetailRows rows) {
        this.detailOnly = rows != null;
        this.rows = rows;
    }

    /** The whole tree of {@code in}: its root element ({@code html}), or null for a document without content. */
    static HtmlNode parse(Reader in) throws IOException {
        return run(in, null).root;
    }

    /** Streams the rows of the detail tables of {@code in} to {@code rows}; returns how many detail tbodies it saw. */
    static int streamDetailRows(Reader in, DetailRows rows) throws IOException {
        return run(in, rows).detailBodies;
    }

    private static HtmlTreeBuilder run(Reader in, DetailRows rows) throws IOException {
        HtmlTreeBuilder builder = new HtmlTreeBuilder(rows);
        new HtmlTokenizer(in).run(builder);
        while (!builder.open.isEmpty()) {
            builder.pop();
        }
        if (builder.tooDeep) {
            throw new IOException("HTML elements nested deeper than " + MAX_DEPTH + " levels");
        }
        return builder;
    }

    @Override
    public void startTag(String name, Map<String, String> attributes, boolean selfClosing) {
        autoClose(name);
        checkImplied(name);
        if ((name.equals("html") && !open.isEmpty()) || (name.equals("head") && open.size() != 1)
                || (name.equals("body") && openNamed("body"))) {
            discarded++;
            return;
        }
        if (open.size() >= MAX_DEPTH) {
            tooDeep = true;
            return;
        }
        HtmlNode element = HtmlNode.element(name, attributes);
        push(element);
        if (selfClosing || HtmlRules.isVoid(name)) {
            pop();
        }
    }

    @Override
    public void endTag(String name) {
        if (discarded > 0 && (name.equals("html") || name.equals("body") || name.equals("head"))) {
            discarded--;
            return;
        }
        int priority = HtmlRules.endPriority(name);
        int index = open.size() - 1;
        for (; index >= 0; index--) {
            if (open.get(index).name.equals(name)) {
                break;
            }
            if (HtmlRules.endPriority(open.get(index).name) > priority) {
                return;
            }
        }
        if (index < 0) {
            return;
        }
        while (open.size() > index) {
            pop();
        }
    }

    @Override
    public void text(String text) {
        if (!isBlank(text)) {
            checkParagraph();
        }
        if (!open.isEmpty() && kept.get(kept.size() - 1) && (!detailOnly || open.size() > 2)) {
            current().appendText(text);
        }
    }

    @Override
    public void comment(String text) {
        if (!open.isEmpty() && kept.get(kept.size() - 1) && (!detailOnly || open.size() > 2)) {
            current().append(HtmlNode.comment(text));
        }
    }

    /** Non-blank text outside any element, or directly in html/head, opens an implied paragraph. */
    private void checkParagraph() {
        if (open.isEmpty() || current().name.equals("html") || current().name.equals("head")) {
            autoClose("p");
            checkImplied("p");
            push(HtmlNode.element("p", null));
        }
    }

    private void autoClose(String name) {
        while (!open.isEmpty() && HtmlRules.closes(name, current().name)) {
            pop();
        }
    }

    private void checkImplied(String name) {
        if (name.equals("html")) {
            return;
        }
        if (open.isEmpty()) {
            push(HtmlNode.element("html", null));
        }
        if (name.equals("body") || name.equals("head")) {
            return;
        }
        if (open.size() <= 1 && HtmlRules.belongsInHead(name)) {
            if (!sawHead && !sawBody) {
                push(HtmlNode.element("head", null));
            }
        } else if (!name.equals("noframes") && !name.equals("frame") && !name.equals("frameset")) {
            if (sawBody || openNamed("body") || openNamed("head")) {
                return;
            }
            push(HtmlNode.element("body", null));
        }
    }

    private void push(HtmlNode element) {
        boolean keep;
        if (open.isEmpty()) {
            keep = root == null;
            if (keep) {
                root = element;
            }
        } else {
            HtmlNode parent = current();
            keep = kept.get(kept.size() - 1) && (!detailOnly || keepUnder(parent, element));
            if (keep) {
                parent.append(element);
                if (detailOnly && isDetailTableBody(element)) {
                    element.detailBody = detailBodies++;
                }
            }
        }
        sawHead |= element.name.equals("head");
        sawBody |= element.name.equals("body");
        open.add(element);
        kept.add(keep);
    }

    /** Only /html/body/div[contains(@class,'detail')] and what it contains. */
    private boolean keepUnder(HtmlNode parent, HtmlNode element) {
        if (parent == root) {
            return element.name.equals("body");
        }
        if (parent.name.equals("body") && parent.parent == root) {
            return element.name.equals("div") && element.attributes.getOrDefault("class", "").contains("detail");
        }
        return true;
    }

    private void pop() {
        HtmlNode element = open.remove(open.size() - 1);
        kept.remove(kept.size() - 1);
        HtmlNode parent = element.parent;
        if (rows != null && parent != null && parent.detailBody >= 0) {
            rows.row(parent.detailBody, element);
            parent.dropLast(element);
        }
    }

    /** A tbody of /html/body/div[contains(@class,'detail')]/table (kept elements have their parents set). */
    private boolean isDetailTableBody(HtmlNode element) {
        HtmlNode table = element.parent;
        HtmlNode div = table == null ? null : table.parent;
        HtmlNode body = div == null ? null : div.parent;
        return element.name.equals("tbody") && table.name.equals("table") && div != null && div.name.equals("div")
                && body != null && body.name.equals("body") && body.parent == root;
    }

    private HtmlNode current() {
        return open.get(open.size() - 1);
    }

    private boolean openNamed(String name) {
        for (HtmlNode element : open) {
            if (element.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
