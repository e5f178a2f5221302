package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Finding;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "Checkmarx Scan detailed": one finding per result path, with every path node in the description.
 * Findings are keyed like DefectDojo's dictionary, so a real duplicate replaces the earlier finding
 * in its place; they are therefore held until the end of the report.
 */
final class DetailedResults implements CheckmarxResults {

    private final Map<String, Finding> findings = new LinkedHashMap<>();

    @Override
    public void add(CheckmarxXmlParser.Query query, XmlSubtree result, String header, String date)
            throws ParseException {
        String title = query.title();
        String state = result.attr("state");
        String detail = header;
        Finding finding = null;
        String key = null;
        XmlSubtree lastNode = null;
        for (XmlSubtree path : result.children("Path")) {
            PathNode source = null;
            String pathId = PythonStrings.str(path.attr("SimilarityId")) + PythonStrings.str(path.attr("PathId"));
            StringBuilder text = new StringBuilder(detail).append("-----\n");
            for (XmlSubtree node : path.children("PathNode")) {
                describe(node, text);
                lastNode = node;
                XmlSubtree nodeId = node.child("NodeId");
                if (nodeId == null) {
                    throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT + " report: a <PathNode> has no NodeId");
                }
                if ("1".equals(nodeId.text())) {
                    source = PathNode.of(node);
                }
            }
            detail = text.toString();
            if (lastNode == null) {
                throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT + " report: a result of query "
                        + query.name() + " has no PathNode");
            }
            // the last node of the path (or of an earlier path, when this one is empty) is the sink
            PathNode last = PathNode.of(lastNode);
            String sinkFile = last.fileName();
            key = query.categories() + PythonStrings.str(query.cwe()) + query.name()
                    + PythonStrings.str(sinkFile) + pathId;
            if (sinkFile != null && !sinkFile.isEmpty()) {
                title = title + " (" + last.baseName() + ")";
            }
            finding = new Finding();
            finding.title = title;
            finding.cwe = query.cweNumber();
            finding.active = state != null && ACTIVE_STATES.contains(state);
            finding.verified = state != null && VERIFIED_STATES.contains(state);
            finding.falseP = "True".equals(result.attr("FalsePositive"));
            finding.description = detail;
            finding.severity = result.attr("Severity");
            finding.filePath = sinkFile;
            finding.line = last.line();
            finding.date = date;
            finding.staticFinding = true;
            finding.dynamicFinding = true;
            finding.uniqueIdFromTool = pathId;
            finding.sastSourceObject = source == null ? "" : source.object();
            finding.sastSinkObject = last.object();
            finding.sastSourceLine = source == null ? null : source.line();
            finding.sastSourceFilePath = source == null ? "" : source.fileName();
            finding.vulnIdFromTool = query.id();
        }
        if (finding == null) {
            throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT + " report: a result of query "
                    + query.name() + " has no Path");
        }
        findings.put(key, finding);
    }

    /** Line, column, object and code snippet lines of one path node, then a separator. */
    private static void describe(XmlSubtree node, StringBuilder text) throws ParseException {
        XmlSubtree line = node.child("Line");
        XmlSubtree column = node.child("Column");
        XmlSubtree name = node.child("Name");
        if (line == null || column == null || name == null) {
            throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT
                    + " report: a <PathNode> lacks its Line, Column or Name");
        }
        if (line.text() != null) {
            text.append("**Line Number:** ").append(line.text()).append('\n');
        }
        if (column.text() != null) {
            text.append("**Column:** ").append(column.text()).append('\n');
        }
        if (name.text() != null) {
            text.append("**Source Object:** ").append(name.text()).append('\n');
        }
        for (XmlSubtree fragment : node.findAll("Snippet/Line")) {
            XmlSubtree number = fragment.child("Number");
            XmlSubtree code = fragment.child("Code");
            if (number == null || code == null || code.text() == null) {
                throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT
                        + " report: a snippet line lacks its Number or Code");
            }
            text.append("**Number:** ").append(PythonStrings.str(number.text())).append("\n**Code:** ")
                    .append(PythonStrings.strip(code.text())).append('\n');
        }
        text.append("-----\n");
    }

    @Override
    public void emit(FindingSink out) {
        findings.values().forEach(out::accept);
    }
}
