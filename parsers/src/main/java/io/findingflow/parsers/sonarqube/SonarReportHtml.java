package io.findingflow.parsers.sonarqube;

import io.findingflow.parsers.ParseException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML page of soprasteria/sonar-report: under {@code div.detail}, a table of issues (rule,
 * severity, component, line, description, message, key) and a table of the rules with their
 * descriptions. Without exactly these two tables (no issue table when nothing was found) the
 * report has no findings.
 *
 * <p>Rows are read one at a time as the page streams by: issue rows are kept as their cell texts
 * (the rules they name come later in the page), rules as their finished description. Problems
 * are only reported once the page turned out to have the two tables, as DefectDojo does.
 */
final class SonarReportHtml implements HtmlTreeBuilder.DetailRows {

    private static final int ISSUE_COLUMNS = 7;

    private final List<Row> issues = new ArrayList<>();
    private final Map<String, Rule> rules = new HashMap<>();
    private String firstRuleProblem;

    private SonarReportHtml() {}

    static void read(Reader page, SonarReportFindings findings) throws IOException, ParseException {
        SonarReportHtml report = new SonarReportHtml();
        int bodies = HtmlTreeBuilder.streamDetailRows(page, report);
        if (bodies == 2) {
            report.addFindings(findings);
        }
    }

    @Override
    public void row(int body, HtmlNode row) {
        if (body == 0) {
            for (HtmlNode issue : row.iter("tr")) {
                issues.add(Row.of(issue));
            }
        } else if (body == 1 && row.isElement("tr")) {
            addRule(row);
        }
    }

    private void addRule(HtmlNode row) {
        List<HtmlNode> cells = row.iter("td");
        HtmlNode link = cells.isEmpty() ? null : cells.get(0).first("a");
        if (cells.size() < 2 || link == null || link.text() == null) {
            if (firstRuleProblem == null) {
                firstRuleProblem = "a row of the rules table has no rule link";
            }
            return;
        }
        String key = LxmlText.pythonStrip(link.text());
        HtmlNode details = cells.get(1).first("details");
        if (details == null) {
            rules.put(key, new Rule(null, null, 0));
        } else {
            String references = SonarReportFindings.references(key, details);
            rules.put(key, new Rule(LxmlText.ruleDescription(details), references,
                    SonarReportFindings.cwe(references)));
        }
    }

    private void addFindings(SonarReportFindings findings) throws ParseException {
        if (firstRuleProblem != null) {
            throw new ParseException("Invalid SonarQube HTML report: " + firstRuleProblem);
        }
        int number = 0;
        for (Row row : issues) {
            number++;
            if (row.cells.length < ISSUE_COLUMNS || !row.hasRuleLink) {
                throw new ParseException("Invalid SonarQube HTML report: row " + number
                        + " of the issues table has no rule link or fewer than " + ISSUE_COLUMNS + " columns");
            }
            String title = row.cells[4];
            String mitigation = row.cells[5];
            if (title == null || mitigation == null) {
                throw new ParseException("Invalid SonarQube HTML report: can't find a title or a mitigation"
                        + " for vulnerability of name " + row.ruleKey + " (row " + number + " of the issues table)");
            }
            Rule rule = rules.get(row.ruleKey);
            if (rule != null && rule.description == null) {
                throw new ParseException("Invalid SonarQube HTML report: rule " + row.ruleKey
                        + " has no <details> description");
            }
            findings.add(new SonarReportFindings.Issue(row.cells[6], title, row.cells[2], row.cells[3],
                    SonarReportFindings.severity(row.cells[1]), mitigation,
                    rule == null ? SonarReportFindings.NO_DESCRIPTION : rule.description,
                    rule == null ? "" : rule.references, rule == null ? 0 : rule.cwe));
        }
    }

    /** An issue row as its cells' own texts (lxml {@code td.text}, stripped; null where a cell starts with markup). */
    private record Row(String ruleKey, boolean hasRuleLink, String[] cells) {
        static Row of(HtmlNode row) {
            List<HtmlNode> cells = row.iter("td");
            HtmlNode link = cells.isEmpty() ? null : cells.get(0).first("a");
            String[] texts = new String[Math.min(cells.size(), ISSUE_COLUMNS)];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = LxmlText.pythonStrip(cells.get(i).text());
            }
            return new Row(link == null ? null : LxmlText.pythonStrip(link.text()), link != null, texts);
        }
    }

    private record Rule(String description, String references, int cwe) {}
}
