package io.findingflow.parsers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a streamed XML report read into memory with its descendants, so a parser can
 * stream item by item and still navigate each item the way DefectDojo's ElementTree code does.
 * Names are local names (namespaces ignored); {@link #text()} is ElementTree's {@code .text}: the
 * character data before the first child element.
 */
public final class XmlSubtree {

    private final String name;
    private final String namespace;
    private final Map<String, String> attributes;
    private final List<XmlSubtree> children = new ArrayList<>();
    private String text;

    private XmlSubtree(String name, String namespace, Map<String, String> attributes) {
        this.name = name;
        this.namespace = namespace == null ? "" : namespace;
        this.attributes = attributes;
    }

    /**
     * Reads the element the reader is positioned on (a START_ELEMENT) up to its END_ELEMENT, which
     * is where the reader is left.
     */
    public static XmlSubtree read(XMLStreamReader reader) throws XMLStreamException {
        XmlSubtree root = start(reader);
        List<XmlSubtree> open = new ArrayList<>();
        open.add(root);
        PendingText pending = new PendingText();
        while (!open.isEmpty()) {
            int event = reader.next();
            XmlSubtree current = open.get(open.size() - 1);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    current.closeText(pending);
                    XmlSubtree child = start(reader);
                    current.children.add(child);
                    open.add(child);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    current.closeText(pending);
                    open.remove(open.size() - 1);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA,
                        XMLStreamConstants.SPACE -> {
                    if (current.children.isEmpty()) {
                        pending.add(reader);
                    }
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw new XMLStreamException("unexpected end of document", reader.getLocation());
                default -> {
                    // comments and processing instructions carry no report data
                }
            }
        }
        return root;
    }

    /** Skips the element the reader is positioned on, leaving the reader on its END_ELEMENT. */
    public static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", reader.getLocation());
            }
        }
    }

    /**
     * Moves to the next child START_ELEMENT of the current element and returns true, or stops on the
     * current element's END_ELEMENT and returns false. Call it while positioned on a START_ELEMENT
     * (the parent) or on a child's END_ELEMENT.
     */
    public static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", reader.getLocation());
            }
        }
    }

    /** Moves to the document's root element; false when the document has none. */
    public static boolean toRoot(XMLStreamReader reader) throws XMLStreamException {
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    private static XmlSubtree start(XMLStreamReader reader) {
        if (reader.getAttributeCount() == 0) {
            // most report elements have no attributes: share one empty map instead of a map each
            return new XmlSubtree(reader.getLocalName(), reader.getNamespaceURI(), Map.of());
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        return new XmlSubtree(reader.getLocalName(), reader.getNamespaceURI(), attributes);
    }

    private void closeText(PendingText pending) {
        String pendingText = pending.take();
        if (text == null && children.isEmpty() && !pendingText.isEmpty()) {
            text = pendingText;
        }
    }

    /**
     * The character data read since the last tag. The reader coalesces text, so there is nearly
     * always one piece: it is kept as the reader's string, and a builder (a second copy of every
     * text) is only made when a comment or processing instruction splits it.
     */
    private static final class PendingText {
        private String first = "";
        private StringBuilder joined;

        void add(XMLStreamReader reader) {
            if (joined != null) {
                joined.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            } else if (first.isEmpty()) {
                first = reader.getText();
            } else {
                joined = new StringBuilder(first).append(reader.getText());
            }
        }

        /** The text so far ("" when none), starting over. */
        String take() {
            String text = joined != null ? joined.toString() : first;
            first = "";
            joined = null;
            return text;
        }
    }

    public String name() {
        return name;
    }

    /** The element's namespace URI, "" when it has none. */
    public String namespace() {
        return namespace;
    }

    /** ElementTree's {@code .text}: null when the element has no leading character data. */
    public String text() {
        return text;
    }

    /** ElementTree's {@code .get(name)}: the attribute value or null. */
    public String attr(String attribute) {
        return attributes.get(attribute);
    }

    public List<XmlSubtree> children() {
        return children;
    }

    /** The first direct child with that name, or null ({@code find("name")}). */
    public XmlSubtree child(String childName) {
        for (XmlSubtree child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    /** Every direct child with that name ({@code findall("name")}). */
    public List<XmlSubtree> children(String childName) {
        List<XmlSubtree> found = new ArrayList<>();
        for (XmlSubtree child : children) {
            if (child.name.equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** ElementTree's {@code findtext("a/b")}: null when no such element, "" when it has no text. */
    public String findText(String path) {
        XmlSubtree found = find(path);
        if (found == null) {
            return null;
        }
        return found.text == null ? "" : found.text;
    }

    /** ElementTree's {@code find("a/b")}: the first element along a slash-separated child path. */
    public XmlSubtree find(String path) {
        if (path.indexOf('/') < 0) {
            return child(path);
        }
        List<XmlSubtree> found = findAll(path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** ElementTree's {@code findall("a/b")}, in document order. */
    public List<XmlSubtree> findAll(String path) {
        List<XmlSubtree> level = List.of(this);
        for (String step : path.split("/")) {
            List<XmlSubtree> next = new ArrayList<>();
            for (XmlSubtree element : level) {
                next.addAll(element.children(step));
            }
            level = next;
        }
        return level;
    }

    /** The first descendant (not self) with that name in document order ({@code find(".//name")}). */
    public XmlSubtree descendant(String descendantName) {
        for (XmlSubtree child : children) {
            if (child.name.equals(descendantName)) {
                return child;
            }
            XmlSubtree deeper = child.descendant(descendantName);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }

    /** The first descendant with that name and attribute value ({@code .//name[@attr="value"]}). */
    public XmlSubtree descendant(String descendantName, String attribute, String value) {
        for (XmlSubtree child : children) {
            if (child.name.equals(descendantName) && value.equals(child.attr(attribute))) {
                return child;
            }
            XmlSubtree deeper = child.descendant(descendantName, attribute, value);
            if (deeper != null) {
                return deeper;
            }
        }
        return null;
    }
}
