package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Checkmarx Scan": one finding per cwe, severity and sink file. Later results of the same key add
 * a numbered block to the description, count in nb_occurences and can only raise active/verified
 * and clear false_p; vuln_id_from_tool lists the distinct query ids.
 */
final class AggregatedResults implements CheckmarxResults {

    private final Map<String, Finding> findings = new LinkedHashMap<>();
    private final Map<String, List<String>> queryIds = new LinkedHashMap<>();

    @Override
    public void add(CheckmarxXmlParser.Query query, XmlSubtree result, String header, String date)
            throws ParseException {
        XmlSubtree sourceNode = null;
        XmlSubtree sinkNode = null;
        for (XmlSubtree path : result.children("Path")) {
            boolean first = true;
            for (XmlSubtree node : path.children("PathNode")) {
                sinkNode = node;
                if (first) {
                    sourceNode = node;
                    first = false;
                }
            }
        }
        if (sinkNode == null) {
            throw new ParseException("Invalid " + CheckmarxXmlParser.FORMAT + " report: a result of query "
                    + query.name() + " has no PathNode");
        }
        PathNode source = PathNode.of(sourceNode);
        PathNode sink = PathNode.of(sinkNode);
        String description = "<b>Source file: </b>" + PythonStrings.str(source.fileName())
                + " (line " + source.line() + ")\n<b>Source object: </b> " + PythonStrings.str(source.object())
                + "\n<b>Sink file: </b>" + PythonStrings.str(sink.fileName()) + " (line " + sink.line()
                + ")\n<b>Sink object: </b> " + PythonStrings.str(sink.object());
        String sinkFile = sink.fileName();
        String title = sinkFile != null && !sinkFile.isEmpty()
                ? query.title() + " (" + sink.baseName() + ")" : query.title();
        String falsePositive = result.attr("FalsePositive");
        String severity = result.attr("Severity");
        String key = PythonStrings.str(query.cwe()) + PythonStrings.str(severity) + PythonStrings.str(sinkFile);
        String state = result.attr("state");
        boolean active = state != null && ACTIVE_STATES.contains(state);
        boolean verified = state != null && VERIFIED_STATES.contains(state);
        Finding finding = findings.get(key);
        if (finding == null) {
            finding = new Finding();
            finding.title = title;
            finding.cwe = query.cweNumber();
            finding.active = active;
            finding.verified = verified;
            finding.falseP = "True".equals(falsePositive);
            finding.description = header + description;
            finding.severity = severity;
            finding.filePath = sinkFile;
            finding.date = date;
            finding.staticFinding = true;
            finding.dynamicFinding = true;
            finding.nbOccurences = 1;
            findings.put(key, finding);
            queryIds.put(key, new ArrayList<>(List.of(PythonStrings.str(query.id()))));
            return;
        }
        finding.nbOccurences++;
        if (finding.nbOccurences == 2) {
            finding.description = "### 1. " + finding.title + "\n" + finding.description;
        }
        finding.description = finding.description + "\n\n-----\n### " + finding.nbOccurences + ". " + title
                + "\n" + header + "\n" + description;
        List<String> ids = queryIds.get(key);
        if (!ids.contains(PythonStrings.str(query.id()))) {
            ids.add(PythonStrings.str(query.id()));
        }
        finding.falseP = finding.falseP && !"False".equals(falsePositive);
        finding.active = finding.active || active;
        finding.verified = finding.verified || verified;
    }

    @Override
    public void emit(FindingSink out) {
        for (Map.Entry<String, Finding> entry : findings.entrySet()) {
            String ids = String.join(",", queryIds.get(entry.getKey()));
            entry.getValue().vulnIdFromTool = ids.length() > 500 ? ids.substring(0, 500) : ids;
            out.accept(entry.getValue());
        }
    }
}
