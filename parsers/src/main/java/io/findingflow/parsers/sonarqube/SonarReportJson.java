package io.findingflow.parsers.sonarqube;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * The JSON output of soprasteria/sonar-report ({@code date}, {@code projectName},
 * {@code hotspotKeys}): {@code issues} plus a {@code rules} map whose {@code htmlDesc} is read
 * like the HTML report's rule descriptions.
 */
final class SonarReportJson {

    private SonarReportJson() {}

    static void read(JsonNode report, SonarReportFindings findings) throws ParseException {
        JsonNode rules = report.path("rules");
        int index = 0;
        for (JsonNode issue : report.path("issues")) {
            String ruleId = text(issue.get("rule"));
            String title = text(issue.get("description"));
            String mitigation = text(issue.get("message"));
            if (title == null || mitigation == null) {
                throw new ParseException("Invalid SonarQube JSON report: can't find a title or a mitigation for"
                        + " vulnerability of name " + ruleId + " (issue " + index + ")");
            }
            String description = SonarReportFindings.NO_DESCRIPTION;
            String references = "";
            int cwe = 0;
            JsonNode htmlDesc = ruleId == null ? null : rules.path(ruleId).get("htmlDesc");
            if (htmlDesc != null) {
                HtmlNode rule = parseFragment(PythonText.str(htmlDesc));
                description = rule == null ? "" : LxmlText.ruleDescription(rule);
                references = rule == null ? ruleId : SonarReportFindings.references(ruleId, rule);
                cwe = SonarReportFindings.cwe(references);
            }
            findings.add(new SonarReportFindings.Issue(PythonText.str(issue.get("key")), title,
                    text(issue.get("component")), PythonText.str(issue.get("line")),
                    SonarReportFindings.severity(text(issue.get("severity"))), mitigation, description,
                    references, cwe));
            index++;
        }
    }

    /** {@code etree.fromstring(html, HTMLParser())}: the implied {@code html} root of the fragment. */
    private static HtmlNode parseFragment(String html) throws ParseException {
        try {
            return HtmlTreeBuilder.parse(new StringReader(html));
        } catch (IOException e) {
            throw new ParseException("Invalid SonarQube JSON report: a rule description cannot be read: "
                    + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new ParseException("Invalid SonarQube JSON report: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : PythonText.str(value);
    }
}
