package io.findingflow.parsers;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The only way parsers open XML: a streaming StAX reader with DTDs and external entities switched
 * off, which also refuses any document that declares a DOCTYPE (XXE, billion laughs).
 */
public final class SafeXml {

    private static final XMLInputFactory FACTORY = createFactory();

    private SafeXml() {}

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver(
                (publicId, systemId, base, namespace) -> {
                    throw new XMLStreamException("external entities are not allowed: " + systemId);
                });
        return factory;
    }

    /** A reader over {@code in} that throws on a DOCTYPE. Wrap errors with {@link #error}. */
    public static XMLStreamReader open(InputStream in) throws ParseException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            return new StreamReaderDelegate(reader) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw new XMLStreamException(
                                "XML document type declarations (DTD) are not allowed",
                                getLocation());
                    }
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new XMLStreamException(
                                "XML entity references are not allowed: &" + getLocalName() + ";",
                                getLocation());
                    }
                    return event;
                }
            };
        } catch (XMLStreamException e) {
            throw error("XML", e);
        }
    }

    /**
     * Like {@link #open}, but lets a DOCTYPE declaration through: it is reported and skipped, never
     * loaded (DTD support stays off and the resolver refuses every external fetch), and entity
     * references are still refused. For formats whose real exports carry a DOCTYPE that
     * DefectDojo's defusedxml accepts, such as Qualys' {@code <!DOCTYPE ASSET_DATA_REPORT SYSTEM ...>}.
     */
    public static XMLStreamReader openSkippingDoctype(InputStream in) throws ParseException {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            return new StreamReaderDelegate(reader) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                        throw new XMLStreamException(
                                "XML entity references are not allowed: &" + getLocalName() + ";",
                                getLocation());
                    }
                    return event;
                }
            };
        } catch (XMLStreamException e) {
            throw error("XML", e);
        }
    }

    /** A {@link ParseException} naming the format, the problem and its line/column. */
    public static ParseException error(String format, XMLStreamException e) {
        String where =
                e.getLocation() == null
                        ? ""
                        : " at line " + e.getLocation().getLineNumber()
                                + ", column " + e.getLocation().getColumnNumber();
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        // StAX messages repeat the position as a prefix ("ParseError at [row,col]:[..]\nMessage: x")
        int marker = message.indexOf("Message: ");
        if (marker >= 0) {
            message = message.substring(marker + "Message: ".length());
        }
        return new ParseException("Invalid " + format + " report" + where + ": " + message.strip(), e);
    }
}
