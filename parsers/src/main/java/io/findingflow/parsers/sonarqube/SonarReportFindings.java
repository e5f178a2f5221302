package io.findingflow.parsers.sonarqube;

import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Findings of soprasteria/sonar-report (HTML and JSON), in both DefectDojo modes. "SonarQube Scan"
 * aggregates the issues of one rule and file (title, CWE, description, file) into one finding with
 * the lines listed; "SonarQube Scan detailed" keeps one finding per issue key. As in DefectDojo, a
 * repeated key keeps the place of its first issue.
 */
final class SonarReportFindings {

    static final String NO_DESCRIPTION = "No description provided";
    private static final Pattern CWE = Pattern.compile("CWE-([0-9]*)", Pattern.CASE_INSENSITIVE);

    private final boolean detailed;
    /** Keyed by record rather than DefectDojo's concatenated text, so rule descriptions are not copied per issue. */
    private final Map<Key, Aggregate> findings = new LinkedHashMap<>();

    SonarReportFindings(boolean detailed) {
        this.detailed = detailed;
    }

    /** One issue of the report, with its rule's text (or {@link #NO_DESCRIPTION} when the rule is unknown). */
    void add(Issue issue) {
        Key key = new Key(issue.cwe, issue.title, issue.description, issue.filePath, detailed ? issue.key : null);
        if (detailed) {
            Finding finding = base(issue);
            finding.description = issue.description;
            finding.line = lineNumber(issue.line);
            finding.uniqueIdFromTool = issue.key;
            findings.put(key, new Aggregate(finding));
            return;
        }
        Aggregate known = findings.get(key);
        if (known == null) {
            known = new Aggregate(base(issue));
            known.finding.description = issue.description;
            findings.put(key, known);
        }
        known.lines.add("Line: " + (issue.line == null ? "None" : issue.line));
        known.mitigations.add(issue.mitigation);
    }

    List<Finding> findings() {
        List<Finding> all = new ArrayList<>(findings.size());
        for (Aggregate aggregate : findings.values()) {
            Finding finding = aggregate.finding;
            if (!detailed) {
                finding.description = finding.description + "\n\n-----\nOccurences:\n" + String.join("\n", aggregate.lines);
                finding.mitigation = String.join("\n______\n", aggregate.mitigations);
                finding.nbOccurences = aggregate.lines.size();
            }
            all.add(finding);
        }
        return all;
    }

    private static Finding base(Issue issue) {
        Finding finding = new Finding();
        finding.title = issue.title;
        finding.cwe = issue.cwe;
        finding.filePath = issue.filePath;
        finding.severity = issue.severity;
        finding.mitigation = issue.mitigation;
        finding.references = issue.references;
        finding.falseP = false;
        finding.outOfScope = false;
        finding.impact = "No impact provided";
        finding.staticFinding = true;
        finding.dynamicFinding = false;
        return finding;
    }

    /** sonar-report severities: BLOCKER is Critical, CRITICAL is High, MAJOR Medium, MINOR Low. */
    static String severity(String sonarSeverity) {
        String severity = sonarSeverity == null ? "" : sonarSeverity.toLowerCase(Locale.ROOT);
        return switch (severity) {
            case "blocker" -> Severity.CRITICAL.label();
            case "critical", "high" -> Severity.HIGH.label();
            case "major", "medium" -> Severity.MEDIUM.label();
            case "minor", "low" -> Severity.LOW.label();
            default -> Severity.INFO.label();
        };
    }

    /** The rule key, then the text of every link of the rule description, one per line. */
    static String references(String ruleKey, HtmlNode ruleDescription) {
        StringBuilder references = new StringBuilder(ruleKey == null ? "None" : ruleKey);
        for (HtmlNode link : ruleDescription.iter("a")) {
            String text = link.text();
            references.append('\n').append(text == null ? "None" : text);
        }
        return references.toString();
    }

    /** The first "CWE-n" of the references (only the first: rules often cite several), 0 for none. */
    static int cwe(String references) {
        Matcher match = CWE.matcher(references);
        if (!match.find() || match.group(1).isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(match.group(1));
        } catch (NumberFormatException tooLong) {
            return 0;
        }
    }

    /** The line column of the report as DefectDojo keeps it: a string, stored as a number when it is one. */
    private static Integer lineNumber(String line) {
        if (line == null) {
            return null;
        }
        try {
            return Integer.valueOf(line.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** One issue row (HTML) or issue object (JSON), with its rule's description already resolved. */
    record Issue(String key, String title, String filePath, String line, String severity, String mitigation,
            String description, String references, int cwe) {}

    private record Key(int cwe, String title, String description, String filePath, String issueKey) {}

    private static final class Aggregate {
        final Finding finding;
        final List<String> lines = new ArrayList<>();
        final List<String> mitigations = new ArrayList<>();

        Aggregate(Finding finding) {
            this.finding = finding;
        }
    }
}
