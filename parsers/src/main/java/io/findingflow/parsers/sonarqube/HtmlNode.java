package io.findingflow.parsers.sonarqube;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A node of an HTML tree as lxml exposes it: elements with attributes and children, text and
 * comments. Only what the sonar-report walk needs: {@code .text}, {@code .tail}, {@code iter()}.
 */
final class HtmlNode {

    enum Kind { ELEMENT, TEXT, COMMENT }

    final Kind kind;
    final String name;
    final Map<String, String> attributes;
    final List<HtmlNode> children = new ArrayList<>();
    HtmlNode parent;
    /** Text or comment content; null for elements. */
    StringBuilder content;
    /** For a {@code tbody} of a sonar-report detail table, its position among them; -1 otherwise. */
    int detailBody = -1;

    private HtmlNode(Kind kind, String name, Map<String, String> attributes, String content) {
        this.kind = kind;
        this.name = name;
        this.attributes = attributes;
        this.content = content == null ? null : new StringBuilder(content);
    }

    static HtmlNode element(String name, Map<String, String> attributes) {
        return new HtmlNode(Kind.ELEMENT, name, attributes == null ? new LinkedHashMap<>() : attributes, null);
    }

    static HtmlNode text(String text) {
        return new HtmlNode(Kind.TEXT, null, null, text);
    }

    static HtmlNode comment(String text) {
        return new HtmlNode(Kind.COMMENT, null, null, text);
    }

    boolean isElement(String tag) {
        return kind == Kind.ELEMENT && name.equals(tag);
    }

    void append(HtmlNode child) {
        child.parent = this;
        children.add(child);
    }

    /** Detaches the last child, once it has been handed over (keeps memory flat on big reports). */
    void dropLast(HtmlNode child) {
        if (!children.isEmpty() && children.get(children.size() - 1) == child) {
            children.remove(children.size() - 1);
            child.parent = null;
        }
    }

    /** Adds text, merged into a trailing text node as libxml2 does. */
    void appendText(String text) {
        if (!children.isEmpty() && children.get(children.size() - 1).kind == Kind.TEXT) {
            children.get(children.size() - 1).content.append(text);
        } else {
            append(text(text));
        }
    }

    /** lxml's {@code element.text}: the text before the first child node, or null. */
    String text() {
        return !children.isEmpty() && children.get(0).kind == Kind.TEXT ? children.get(0).content.toString() : null;
    }

    /** lxml's {@code element.tail}: the text right after this node inside its parent, or null. */
    String tail() {
        if (parent == null) {
            return null;
        }
        int index = parent.children.indexOf(this);
        HtmlNode next = index + 1 < parent.children.size() ? parent.children.get(index + 1) : null;
        return next != null && next.kind == Kind.TEXT ? next.content.toString() : null;
    }

    /** lxml's {@code element.iter(tag)}: this element and its descendants named {@code tag}, in document order. */
    List<HtmlNode> iter(String tag) {
        List<HtmlNode> found = new ArrayList<>();
        walk(node -> {
            if (node.isElement(tag)) {
                found.add(node);
            }
        });
        return found;
    }

    /** The first element {@code iter(tag)} would yield, or null (DefectDojo's {@code first_elem}). */
    HtmlNode first(String tag) {
        if (isElement(tag)) {
            return this;
        }
        for (HtmlNode child : children) {
            HtmlNode found = child.kind == Kind.ELEMENT ? child.first(tag) : null;
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private void walk(Consumer<HtmlNode> visit) {
        visit.accept(this);
        for (HtmlNode child : children) {
            if (child.kind == Kind.ELEMENT) {
                child.walk(visit);
            }
        }
    }
}
