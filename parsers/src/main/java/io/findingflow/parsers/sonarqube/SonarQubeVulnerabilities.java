package io.findingflow.parsers.sonarqube;

import static io.findingflow.parsers.sonarqube.SonarQubeRestApi.line;
import static io.findingflow.parsers.sonarqube.SonarQubeRestApi.str;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Finding;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VULNERABILITY issues of the SonarQube Web API. Dependency-check style plugins put the facts in
 * the message ("Filename: name:version | Reference: CVE-… | CVSS Score: 6.4 | Category: CWE-120"),
 * which DefectDojo reads back into component, ids, CVSS score and CWEs.
 */
final class SonarQubeVulnerabilities {

    private static final Pattern CWE = Pattern.compile("Category: CWE-(\\d{1,5})");
    private static final Pattern CVSS = Pattern.compile("CVSS Score: (\\d.\\d)");
    private static final Pattern FILENAME = Pattern.compile("Filename: .* \\| ");
    private static final String GHSA_PART = "[23456789cfghjmpqrvwx]{4}";
    private static final Pattern[] IDS = {
        Pattern.compile("Reference: (CVE-\\d{4}-\\d{4,7})"),
        Pattern.compile("References: (CVE-\\d{4}-\\d{4,7})"),
        Pattern.compile("Reference: (GHSA-" + GHSA_PART + "-" + GHSA_PART + "-" + GHSA_PART + ")"),
        Pattern.compile("References: (GHSA-" + GHSA_PART + "-" + GHSA_PART + "-" + GHSA_PART + ")"),
    };

    private SonarQubeVulnerabilities() {}

    static Finding vulnerability(JsonNode issue, JsonNode components) {
        String message = str(issue, "message");
        StringBuilder description = new StringBuilder()
                .append(line("key", str(issue, "key")))
                .append(line("rule", str(issue, "rule")))
                .append(line("component", str(issue, "component")))
                .append(line("project", str(issue, "project")))
                .append(line("line", str(issue, "line")));
        SonarQubeRestApi.flows(issue, description);
        description.append(line("status", str(issue, "status")))
                .append(line("message", message))
                .append(line("scope", str(issue, "scope")))
                .append(line("quickFixAvailable", str(issue, "quickFixAvailable")));
        SonarQubeRestApi.joined(issue, "codeVariants", description);
        SonarQubeRestApi.joined(issue, "tags", description);
        description.append(SonarQubeRestApi.componentDetails(components, issue.get("component")));

        Finding finding = SonarQubeRestApi.base(issue, "rule", issue.get("severity"), description.toString(),
                "vulnerability");
        finding.filePath = SonarQubeRestApi.text(issue.get("component"));
        finding.line = SonarQubeRestApi.lineNumber(issue);
        finding.cwe = null;
        Matcher cwe = CWE.matcher(message);
        while (cwe.find()) {
            int number = Integer.parseInt(cwe.group(1));
            if (finding.cwe == null) {
                finding.cwe = number;
            }
            finding.cwes.add(number);
        }
        Matcher cvss = CVSS.matcher(message);
        if (cvss.find()) {
            try {
                finding.cvssv3Score = Double.valueOf(cvss.group(1));
            } catch (NumberFormatException notANumber) {
                // "6,4": DefectDojo keeps the text, which no score field can hold
            }
        }
        if (message.contains("Filename: ") && message.contains(" | ")) {
            Matcher filename = FILENAME.matcher(message);
            if (filename.find()) {
                String match = filename.group();
                String component = match.substring(match.indexOf("Filename: ") + "Filename: ".length());
                int bar = component.indexOf(" | ");
                component = bar >= 0 ? component.substring(0, bar) : component;
                String[] parts = component.split(":", -1);
                finding.componentName = parts[0];
                finding.componentVersion = parts.length > 1 ? parts[1] : null;
            }
        }
        for (Pattern ids : IDS) {
            Matcher id = ids.matcher(message);
            while (id.find()) {
                finding.vulnerabilityIds.add(id.group(1));
            }
        }
        return finding;
    }
}
