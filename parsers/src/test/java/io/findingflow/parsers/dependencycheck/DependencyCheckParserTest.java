package io.findingflow.parsers.dependencycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyCheckParserTest {

    private static final String SCAN_TYPE = "Dependency Check Scan";
    private static final String HEADER = "<analysis xmlns=\"https://jeremylong.github.io/DependencyCheck/dependency-check.2.5.xsd\">"
            + "<projectInfo><reportDate>2016-11-05T14:52:15.748-0400</reportDate></projectInfo><dependencies>";

    @Test
    void shouldNameTheComponentFromTheMavenIdentifier() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SCAN_TYPE, "dependency_check/single_vuln.xml");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("org.owasp:library:6.7.8 | CVE-0000-0001");
        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.componentName).isEqualTo("org.owasp:library");
        assertThat(finding.componentVersion).isEqualTo("6.7.8");
        assertThat(finding.filePath).isEqualTo("component2.dll");
        assertThat(finding.cwe).isEqualTo(0);
        assertThat(finding.vulnerabilityIds).containsExactly("CVE-0000-0001");
        assertThat(finding.date).isEqualTo("2016-11-05T14:52:15.748000-04:00");
        assertThat(finding.mitigation)
                .isEqualTo("Update org.owasp:library:6.7.8 to at least the version recommended in the description");
        assertThat(finding.description).endsWith("\n**Filepath:** C:\\\\Projectestproject\\\\libraries\\\\component2.dll");
        assertThat(finding.hashCode).isEqualTo("4d36fab6af21bdfc81d48580c1010f8a3055765d7ce472a45b328eded2b1904e");
    }

    @Test
    void shouldScoreTheRebuiltCvss3VectorAndUseItsSeverity() throws ParseException {
        Finding finding = CorpusFiles.parse(SCAN_TYPE, "dependency_check/version-6.5.3.xml").get(0);

        assertThat(finding.componentName).isEqualTo("org.apache.logging.log4j:log4j-api");
        assertThat(finding.componentVersion).isEqualTo("2.12.4");
        assertThat(finding.cvssv3).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N");
        assertThat(finding.cvssv3Score).isEqualTo(3.7);
        assertThat(finding.severity).isEqualTo("Low");
        assertThat(finding.cwe).isEqualTo(295);
        assertThat(finding.cwes).containsExactly(295);
        assertThat(finding.date).isEqualTo("2022-01-15T14:31:13.042600+00:00");
        assertThat(finding.description).contains("\n**Source:** NVD\n**Filepath:** /home/damien/");
        assertThat(finding.references).asString().startsWith(
                "**Source:** MISC\n**URL:** https://www.oracle.com/security-alerts/cpuoct2020.html\n\n**Source:** MLIST\n");
        assertThat(finding.hashCode).isEqualTo("7ad1175bc02370ba0320cdfbeaca0d629ac5bad8a03e1733d5ef093fb422d040");
    }

    @Test
    void shouldKeepEveryCweOfTheVulnerability() throws ParseException {
        Finding finding = CorpusFiles.parse(SCAN_TYPE, "dependency_check/version-6.5.3_multi_cwe_fabricated.xml").get(0);

        assertThat(finding.cwe).isEqualTo(295);
        assertThat(finding.cwes).containsExactly(295, 297);
    }

    @Test
    void shouldIgnoreDependenciesWithoutVulnerabilities() throws ParseException {
        assertThat(CorpusFiles.parse(SCAN_TYPE, "dependency_check/single_dependency_with_related_no_vulnerability.xml"))
                .isEmpty();
    }

    @Test
    void shouldMitigateSuppressedVulnerabilitiesAndListRelatedFiles() throws ParseException {
        String report = HEADER + "<dependency><fileName>app.jar</fileName><filePath>/lib/app.jar</filePath>"
                + "<relatedDependencies><relatedDependency><fileName>copy.jar</fileName><filePath>/x/copy.jar</filePath>"
                + "</relatedDependency><relatedDependency><filePath>/nameless.jar</filePath></relatedDependency>"
                + "</relatedDependencies><identifiers><package><id>pkg:npm/%40scope/lib@1.2.3</id></package></identifiers>"
                + "<vulnerabilities><vulnerability source=\"NPM\"><name>GHSA-1</name><severity>moderate</severity>"
                + "<description>d1</description></vulnerability>"
                + "<suppressedVulnerability><name>CVE-2020-1</name><cvssV2><severity>HIGH</severity></cvssV2>"
                + "<description>d2</description></suppressedVulnerability>"
                + "<vulnerability><name>GHSA-1</name><description>repeat</description></vulnerability>"
                + "</vulnerabilities></dependency></dependencies></analysis>";

        List<Finding> findings = parse(report);

        assertThat(findings).hasSize(2);
        Finding open = findings.get(0);
        assertThat(open.title).isEqualTo("@scope:lib:1.2.3 | GHSA-1");
        assertThat(open.severity).isEqualTo("Medium");
        assertThat(open.cwe).isEqualTo(1035);
        assertThat(open.vulnerabilityIds).isEmpty();
        assertThat(open.description).isEqualTo("d1\n**Source:** NPM\n**Filepath:** /lib/app.jar"
                + "\n**Related Filepaths:**\n- copy.jar (/x/copy.jar)");
        Finding suppressed = findings.get(1);
        assertThat(suppressed.severity).isEqualTo("High");
        assertThat(suppressed.active).isFalse();
        assertThat(suppressed.isMitigated).isTrue();
        assertThat(suppressed.mitigated).isNotNull();
        assertThat(suppressed.tags).containsExactly("no_suppression_document", "suppressed");
        assertThat(suppressed.mitigation).startsWith("**This vulnerability is mitigated and/or suppressed:** "
                + "Document on why we are suppressing this vulnerability is missing!\nUpdate @scope:lib:1.2.3");
        assertThat(suppressed.description).doesNotContain("**Filepath:**");
    }

    @Test
    void shouldFallBackToEvidenceAndToTheFileName() throws ParseException {
        String report = HEADER
                + "<dependency><fileName>a.js</fileName><evidenceCollected>"
                + "<evidence type=\"version\"><value>3.1.1</value></evidence>"
                + "<evidence type=\"product\"><value>jquery</value></evidence></evidenceCollected>"
                + "<vulnerabilities><vulnerability><name>CVE-1</name><description>x</description></vulnerability>"
                + "</vulnerabilities></dependency>"
                + "<dependency><fileName>b.bin</fileName><vulnerabilities><vulnerability><name>CVE-2</name>"
                + "<description>y</description></vulnerability></vulnerabilities></dependency></dependencies></analysis>";

        List<Finding> findings = parse(report);

        assertThat(findings).extracting(f -> f.title).containsExactly("jquery:3.1.1 | CVE-1", "b.bin:None | CVE-2");
    }

    @Test
    void shouldRejectMalformedXmlWithItsPosition() {
        assertThatThrownBy(() -> parse(HEADER + "<dependency><fileName>a</fileName>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Dependency-Check XML")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldRejectAnotherXmlFormat() {
        assertThatThrownBy(() -> parse("<CxXMLResults/>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("<analysis>");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(SCAN_TYPE));
    }
}
