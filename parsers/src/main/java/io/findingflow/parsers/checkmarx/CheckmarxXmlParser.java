package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.SafeXml;
import io.findingflow.parsers.XmlSubtree;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The CxSAST XML report ({@code CxXMLResults}): {@code Query} elements (one kind of weakness) holding
 * {@code Result}s (one data-flow path each). Streams one Result at a time into the aggregated or
 * the detailed builder, which hand out their findings at the end (both can merge later results into
 * earlier findings, as DefectDojo does).
 */
final class CheckmarxXmlParser {

    static final String FORMAT = "Checkmarx XML";

    private CheckmarxXmlParser() {}

    static void parse(InputStream report, boolean detailed, FindingSink out) throws ParseException {
        XMLStreamReader reader = SafeXml.open(report);
        CheckmarxResults results = detailed ? new DetailedResults() : new AggregatedResults();
        try {
            if (!XmlSubtree.toRoot(reader) || !reader.getLocalName().equals("CxXMLResults")) {
                throw new ParseException("Not a " + FORMAT + " report: the root element is not <CxXMLResults>");
            }
            String scanStart = reader.getAttributeValue(null, "ScanStart");
            String date = null;
            while (XmlSubtree.nextChild(reader)) {
                if (!reader.getLocalName().equals("Query")) {
                    XmlSubtree.skip(reader);
                    continue;
                }
                if (date == null) {
                    date = CheckmarxDates.day(scanStart);
                }
                Query query = Query.of(reader);
                while (XmlSubtree.nextChild(reader)) {
                    if (reader.getLocalName().equals("Result")) {
                        XmlSubtree result = XmlSubtree.read(reader);
                        results.add(query, result, header(query, result), date);
                    } else {
                        XmlSubtree.skip(reader);
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.error(FORMAT, e);
        }
        results.emit(out);
    }

    /** The description lines every finding of a result starts with. */
    private static String header(Query query, XmlSubtree result) {
        StringBuilder detail = new StringBuilder();
        detail.append("**Category:** ").append(query.categories()).append('\n');
        detail.append("**Language:** ").append(query.language()).append('\n');
        detail.append("**Group:** ").append(query.group()).append('\n');
        if (result.attr("Status") != null) {
            detail.append("**Status:** ").append(result.attr("Status")).append('\n');
        }
        String link = PythonStrings.str(result.attr("DeepLink"));
        detail.append("**Finding Link:** [").append(link).append("](").append(link).append(")\n");
        return detail.toString();
    }

    /** A Query element's attributes (its Results are streamed separately). */
    record Query(String name, String cwe, String categories, String id, String language, String group) {

        static Query of(XMLStreamReader reader) throws ParseException {
            String name = reader.getAttributeValue(null, "name");
            if (name == null) {
                throw new ParseException("Invalid " + FORMAT + " report: a <Query> has no name attribute");
            }
            String categories = reader.getAttributeValue(null, "categories");
            String language = reader.getAttributeValue(null, "Language");
            String group = reader.getAttributeValue(null, "group");
            return new Query(name, reader.getAttributeValue(null, "cweId"),
                    categories == null ? "" : categories, reader.getAttributeValue(null, "id"),
                    language == null ? "" : language, group == null ? "" : group.replace('_', ' '));
        }

        /** The query's CWE as DefectDojo's {@code int(cweId)} reads it. */
        int cweNumber() throws ParseException {
            try {
                return Integer.parseInt(cwe.strip());
            } catch (RuntimeException e) {
                throw new ParseException("Invalid " + FORMAT + " report: query " + name
                        + " has no numeric cweId (" + cwe + ")");
            }
        }

        String title() {
            return name.replace('_', ' ');
        }
    }
}
