package io.findingflow.parsers.qualys;

import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.SafeXml;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.XmlSubtree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The Qualys XML report. Its GLOSSARY (titles, severities, CVEs per QID) comes after the HOST_LIST,
 * so the report is spooled to a temporary file and read twice: once for the glossary, once to
 * stream the hosts, one finding per detection.
 */
final class QualysXmlParser {

    private static final String FORMAT = "Qualys XML";

    private QualysXmlParser() {}

    static void parse(InputStream in, ScanContext context, FindingSink out) throws ParseException {
        Path spool = null;
        try {
            spool = Files.createTempFile("findingflow-qualys-", ".xml");
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            Map<String, XmlSubtree> glossary = glossary(spool);
            hosts(spool, glossary, context, out);
        } catch (IOException e) {
            throw new ParseException("Could not read the Qualys XML report: " + e.getMessage(), e);
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless; the parse result stands
                }
            }
        }
    }

    /** Every GLOSSARY/VULN_DETAILS_LIST/VULN_DETAILS by id, the first one winning. */
    private static Map<String, XmlSubtree> glossary(Path spool) throws IOException, ParseException {
        Map<String, XmlSubtree> glossary = new HashMap<>();
        try (InputStream in = Files.newInputStream(spool)) {
            XMLStreamReader reader = SafeXml.openSkippingDoctype(in);
            try {
                if (!XmlSubtree.toRoot(reader)) {
                    throw new ParseException("Invalid Qualys XML report: the document has no root element");
                }
                int depth = 1;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("GLOSSARY")) {
                        readGlossary(reader, glossary);
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
                if (depth != 0) {
                    throw new XMLStreamException("unexpected end of document", reader.getLocation());
                }
            } catch (XMLStreamException e) {
                throw SafeXml.error(FORMAT, e);
            }
        }
        return glossary;
    }

    private static void readGlossary(XMLStreamReader reader, Map<String, XmlSubtree> glossary)
            throws XMLStreamException {
        while (XmlSubtree.nextChild(reader)) {
            if (!reader.getLocalName().equals("VULN_DETAILS_LIST")) {
                XmlSubtree.skip(reader);
                continue;
            }
            while (XmlSubtree.nextChild(reader)) {
                if (reader.getLocalName().equals("VULN_DETAILS")) {
                    XmlSubtree details = XmlSubtree.read(reader);
                    if (details.attr("id") != null) {
                        glossary.putIfAbsent(details.attr("id"), details);
                    }
                } else {
                    XmlSubtree.skip(reader);
                }
            }
        }
    }

    /** The root's first HOST_LIST; each of its children is a host. */
    private static void hosts(Path spool, Map<String, XmlSubtree> glossary, ScanContext context, FindingSink out)
            throws IOException, ParseException {
        try (InputStream in = Files.newInputStream(spool)) {
            XMLStreamReader reader = SafeXml.openSkippingDoctype(in);
            try {
                XmlSubtree.toRoot(reader);
                while (XmlSubtree.nextChild(reader)) {
                    if (!reader.getLocalName().equals("HOST_LIST")) {
                        XmlSubtree.skip(reader);
                        continue;
                    }
                    while (XmlSubtree.nextChild(reader)) {
                        QualysXmlFinding.host(XmlSubtree.read(reader), glossary, context, out);
                    }
                    return;
                }
            } catch (XMLStreamException e) {
                throw SafeXml.error(FORMAT, e);
            } catch (RuntimeException e) {
                throw new ParseException("Invalid Qualys XML report at line "
                        + reader.getLocation().getLineNumber() + ": unexpected structure (" + e + ")", e);
            }
        }
    }
}
