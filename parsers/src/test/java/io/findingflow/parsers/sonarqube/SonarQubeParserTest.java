package io.findingflow.parsers.sonarqube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class SonarQubeParserTest {

    private static final String AGGREGATED = "SonarQube Scan";
    private static final String DETAILED = "SonarQube Scan detailed";

    @Test
    void shouldAggregateHtmlReportIssuesPerRuleAndFile() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "sonarqube/sonar-single-finding.html");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Credentials should not be hard-coded");
        assertThat(finding.severity).isEqualTo("Critical");
        assertThat(finding.cwe).isEqualTo(798);
        assertThat(finding.line).isNull();
        assertThat(finding.uniqueIdFromTool).isNull();
        assertThat(finding.nbOccurences).isEqualTo(1);
        assertThat(finding.filePath)
                .isEqualTo("modules/jdbc-pool/src/main/java/org/apache/tomcat/jdbc/pool/DataSourceFactory.java");
        assertThat(finding.description)
                .startsWith("Because it is easy to extract strings from a compiled application, credentials should")
                .contains("**Noncompliant Code Example**\n\nConnection conn = null;\n")
                .contains("\"user=steve&amp;password=blue\"); // Noncompliant\n")
                .endsWith("\n\n-----\nOccurences:\nLine: 66");
        assertThat(finding.references).isEqualTo("squid:S2068\nOWASP Top 10 2017 Category A2\nMITRE, CWE-798\n"
                + "MITRE, CWE-259\nCERT, MSC03-J.\nSANS Top 25\nHard Coded Password");
        assertThat(finding.impact).isEqualTo("No impact provided");
        assertThat(finding.staticFinding).isTrue();
    }

    @Test
    void shouldKeepOneFindingPerIssueInDetailedMode() throws ParseException {
        Finding finding = CorpusFiles.parse(DETAILED, "sonarqube/sonar-single-finding.html").get(0);

        assertThat(finding.line).isEqualTo(66);
        assertThat(finding.uniqueIdFromTool).isEqualTo("AWK40IMu-pl6AHs22MnV");
        assertThat(finding.nbOccurences).isNull();
        assertThat(finding.description).endsWith("\"user=\" + uname + \"&amp;password=\" + password);");
        assertThat(finding.hashCode).isEqualTo("a1f3abeb64066ecb7a15bacc703ae81364e84820fe24be3911640f91d3429e1a");
    }

    @Test
    void shouldIgnoreTablesNestedInRuleDescriptions() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(DETAILED, "sonarqube/sonar-table-in-table.html");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("\"clone\" should not be overridden");
        assertThat(finding.cwe).isZero();
        assertThat(finding.severity).isEqualTo("Critical");
        assertThat(finding.mitigation)
                .isEqualTo("Remove this \"clone\" implementation; use a copy constructor or copy factory instead.");
        assertThat(finding.references).isEqualTo("squid:S2975\nCopy Constructor versus Cloning\nS2157\nS1182");
        assertThat(finding.description)
                .startsWith("Many consider clone and Cloneable broken in Java, largely because the rules for "
                        + "overriding clone are tricky\nand difficult to get right, according to Joshua Bloch:\n\n"
                        + "  Object's clone method is very tricky.")
                .endsWith("**Compliant Solution**\n\npublic class MyClass {\n  // ...\n\n"
                        + "  MyClass (MyClass source) {\n    //...\n  }\n}");
        assertThat(finding.hashCode).isEqualTo("6a6f7ce6fb0feb5eef74a4137ddf4f02e0fa040eff121bd686fd325d985c4da2");
    }

    @Test
    void shouldReadCellsPaddedWithWhitespace() throws ParseException {
        String page = "<!DOCTYPE html>\n<html><head><title>r</title></head><body>\n<div class=detail>\n<table><tbody>\n"
                + "<tr>\n<td><a href=\"x\">\n   squid:S1\n  </a></td>\n<td>\n  MAJOR\n</td>\n<td class=\"component\">\n"
                + "  src/A.java\n</td>\n<td>\n  12\n</td>\n<td>\n  &#34;x&#34; is bad\n</td>\n<td>\n  Fix x\n</td>\n"
                + "<td class=\"hidden\">\n  KEY-1\n</td>\n<td>OPEN</td>\n</tr>\n</tbody></table>\n"
                + "<table><tbody>\n<tr><td><a href=\"y\">squid:S1</a>\n</td>\n<td>\n<details><p>Don&#8217;t &amp; "
                + "<code>x</code>.</p>\n<h2>See</h2><ul><li><a href=\"z\">CWE-79 text</a></li></ul></details>\n</td></tr>\n"
                + "</tbody></table>\n</div>\n</body>\n</html>\n";

        List<Finding> findings = parse(DETAILED, page.getBytes(StandardCharsets.UTF_8));

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("\"x\" is bad");
        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.filePath).isEqualTo("src/A.java");
        assertThat(finding.line).isEqualTo(12);
        assertThat(finding.uniqueIdFromTool).isEqualTo("KEY-1");
        assertThat(finding.description).isEqualTo("Don&#8217;t &amp; x.");
        assertThat(finding.references).isEqualTo("squid:S1\nCWE-79 text");
        assertThat(finding.cwe).isEqualTo(79);
    }

    @Test
    void shouldSayNoDescriptionForAnUnknownRule() throws ParseException {
        Finding finding = CorpusFiles.parse(DETAILED, "sonarqube/sonar-rule-undefined.html").get(0);

        assertThat(finding.description).isEqualTo("No description provided");
        assertThat(finding.references).isEqualTo("");
        assertThat(finding.cwe).isZero();
        assertThat(finding.line).isEqualTo(190);
    }

    @Test
    void shouldReadSonarReportJson() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(DETAILED, "sonarqube/sonar-single-finding.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Disabling CSRF protections is security-sensitive");
        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.cwe).isEqualTo(352);
        assertThat(finding.line).isEqualTo(8);
        assertThat(finding.uniqueIdFromTool).isEqualTo("AYvNd32RyD1npIoQXyT1");
        assertThat(finding.description)
                .startsWith("A cross-site request forgery (CSRF) attack occurs when a trusted user of a web")
                .contains("actions that he didn&#8217;t intend")
                .contains("**Ask Yourself Whether**\n\n   The web application uses cookies to authenticate users. \n");
        assertThat((String) finding.references).startsWith("python:S4502\nunsafe HTTP\n      methods\nsafe HTTP\n");
        assertThat(CorpusFiles.parse(DETAILED, "sonarqube/sonar-no-finding.json")).isEmpty();
    }

    @Test
    void shouldAggregateSonarReportJsonIssues() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "sonarqube/issue_10150.json");

        assertThat(findings).extracting(f -> f.severity).containsExactly("High", "High", "Medium");
        assertThat(findings.get(0).description).isEqualTo("No description provided\n\n-----\nOccurences:\nLine: 90");
        assertThat(findings.get(0).nbOccurences).isEqualTo(1);
    }

    @Test
    void shouldReadWebApiIssues() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "sonarqube/findings_over_api.json");

        assertThat(findings).hasSize(5);
        Finding vulnerability = findings.get(0);
        assertThat(vulnerability.title).isEqualTo("OWASP:UsingComponentWithKnownVulnerability_fjioefjwoefijo");
        assertThat(vulnerability.severity).isEqualTo("Medium");
        assertThat(vulnerability.cwe).isEqualTo(120);
        assertThat(vulnerability.cvssv3Score).isEqualTo(6.4);
        assertThat(vulnerability.vulnerabilityIds).containsExactly("CVE-2024-2529");
        assertThat(vulnerability.componentName).isEqualTo("package");
        assertThat(vulnerability.componentVersion).isEqualTo("1.1.2");
        assertThat(vulnerability.filePath).isEqualTo("testapplication");
        assertThat(vulnerability.date).isEqualTo("2023-10-16");
        assertThat(vulnerability.tags).containsExactly("vulnerability");
        assertThat(vulnerability.description).contains("**line:** None\n**flows:** [{'locations': [{'component':");
        assertThat(vulnerability.hashCode)
                .isEqualTo("e71dd0de9d3a397d5c1add420fd0f8d2f3a7eb65cd9014c66f88af29c811b972");

        Finding bug = findings.get(1);
        assertThat(bug.title).isEqualTo("Web:TableWithoutCaptionCheck_asdfwfewfwefewf");
        assertThat(bug.severity).isEqualTo("Low");
        assertThat(bug.cwe).isZero();
        assertThat(bug.filePath).isNull();
        assertThat(bug.line).isEqualTo(59);
        assertThat(bug.description).contains("**textRange:** startLine: 59, endLine: 59, startOffset: 6, endOffset: 113\n")
                .contains("**Componentkey enabled**: True\n");

        Finding noCategory = findings.get(4);
        assertThat(noCategory.cwe).isNull();
        assertThat(noCategory.severity).isEqualTo("Critical");
        assertThat(noCategory.componentName).isEqualTo("nimbus-jose-jwt-9.24.4.jar");
        assertThat(noCategory.componentVersion).isNull();
        assertThat(noCategory.vulnerabilityIds).containsExactly("CVE-2023-52428");
        assertThat(noCategory.cvssv3Score).isEqualTo(7.5);
        assertThat(noCategory.hashCode).isEqualTo("71ff6592d5661f2539ae0bee732f91ad43a4e47a76c1f7481eef86f43826af24");
    }

    @Test
    void shouldKeepEveryCweOfAVulnerability() throws ParseException {
        Finding finding = CorpusFiles.parse(AGGREGATED, "sonarqube/findings_over_api_multi_cwe_fabricated.json").get(0);

        assertThat(finding.cwe).isEqualTo(120);
        assertThat(finding.cwes).containsExactly(120, 79);
    }

    @Test
    void shouldReadWebApiHotspots() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "sonarqube/findings_over_api_hotspots.json");

        assertThat(findings).extracting(f -> f.title)
                .containsExactly("typescript:7777_fwafewef", "Web:1222_cyxcvyxcvyxv", "Web:9876_werrwerwerwer",
                        "Web:12345_jztjztjtzj");
        assertThat(findings.get(0).severity).isEqualTo("High");
        assertThat(findings.get(0).date).isEqualTo("2024-02-13");
        assertThat(findings.get(0).line).isEqualTo(47);
        assertThat(findings.get(0).tags).containsExactly("hotspot");
        assertThat(CorpusFiles.parse(AGGREGATED, "sonarqube/findings_over_api_empty.json")).isEmpty();
    }

    @Test
    void shouldReadEveryJsonOfAZip() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "sonarqube/findings_over_api.zip");

        assertThat(findings).hasSize(6);
        assertThat(findings.get(3).title).isEqualTo("OWASP:UsingComponentWithKnownVulnerability_fjioefjwo1123efijo");
        assertThat(findings.get(3).severity).isEqualTo("Low");
        // "2023-10-16T151:05:35+0000" is no time: no date, as in DefectDojo
        assertThat(findings.get(3).date).isNull();
        assertThat(findings.get(5).title).isEqualTo("typescript:S112533_fjoiewfjo1235gweifjoihugu-");
    }

    @Test
    void shouldReadAnEmptyZip() throws Exception {
        byte[] endOfCentralDirectoryOnly = new byte[22];
        endOfCentralDirectoryOnly[0] = 'P';
        endOfCentralDirectoryOnly[1] = 'K';
        endOfCentralDirectoryOnly[2] = 5;
        endOfCentralDirectoryOnly[3] = 6;

        assertThat(parse(AGGREGATED, endOfCentralDirectoryOnly)).isEmpty();
    }

    @Test
    void shouldRefuseZipEntriesOutsideTheArchive() {
        assertThatThrownBy(() -> parse(AGGREGATED, zip("../evil.json", "{}")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("points outside the archive");
        assertThatThrownBy(() -> parse(AGGREGATED, zip("/etc/x.json", "{}")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("absolute path");
    }

    @Test
    void shouldRefuseZipBombs() {
        String zeros = " ".repeat(20 * 1024 * 1024);
        assertThatThrownBy(() -> parse(AGGREGATED, zip("bomb.json", zeros)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void shouldRejectMalformedJson() {
        byte[] truncated = "{\"paging\": {\"total\": 1}, \"components\": [".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parse(AGGREGATED, truncated))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Invalid SonarQube JSON report")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> parse(AGGREGATED, "[1, 2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected an object");
    }

    @Test
    void shouldFindNothingInHtmlWithoutTheDetailTables() throws ParseException {
        byte[] page = "<html><body><div class=detail><p>nothing</p></div></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThat(parse(DETAILED, page)).isEmpty();
    }

    private static List<Finding> parse(String scanType, byte[] report) throws ParseException {
        return ParserRegistry.standard().parseAll(new ByteArrayInputStream(report), ScanContext.of(scanType));
    }

    private static byte[] zip(String... nameAndContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameAndContent[i]));
                zip.write(nameAndContent[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
