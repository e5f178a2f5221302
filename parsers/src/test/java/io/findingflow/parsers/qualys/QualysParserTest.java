package io.findingflow.parsers.qualys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualysParserTest {

    private static final String QUALYS = "Qualys Scan";
    private static final String ASSET_REPORT = "/scans/qualys/asset_data_report.xml";

    @Test
    void shouldMergeCsvDetectionsByQid() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(QUALYS, "qualys/Qualys_Sample_Report.csv");

        assertThat(findings).hasSize(3);
        Finding eol = findings.get(0);
        assertThat(eol.title).isEqualTo("QID-105971 | EOL/Obsolete Software: Microsoft ASP.NET 1.0 Detected");
        assertThat(eol.severity).isEqualTo("Critical");
        assertThat(eol.date).isEqualTo("2021-05-25");
        assertThat(eol.cvssv3).isEqualTo("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:U/RC:C");
        assertThat(eol.cvssv3Score).isEqualTo(7.4);
        assertThat(eol.vulnIdFromTool).isEqualTo("105971");
        assertThat(eol.verified).isTrue();
        assertThat(eol.active).isTrue();
        assertThat(eol.isMitigated).isFalse();
        assertThat(eol.mitigated).isNull();
        assertThat(eol.endpoints).extracting(Endpoint::host).containsExactly(
                "ip-10-98-57-180.eu-west-1.compute.internal", "ip-10-98-57-151.eu-west-1.compute.internal",
                "ip-10-98-49-209.eu-west-1.compute.internal", "ip-10-98-35-11.eu-west-1.compute.internal");
        assertThat(eol.description).contains("\nResult Evidence: \nMicrosoft ASP.NET 1.0 has reached");
        assertThat(eol.hashCode).isEqualTo("58da2eade68fdffea409596c17a7d00f072305516e431c4fbcf0d70709437017");
        assertThat(findings.get(2).vulnerabilityIds).hasSize(23).startsWith("CVE-2021-31192", "CVE-2021-31188");
        assertThat(findings.get(2).cvssv3Score).isEqualTo(8.6);
    }

    @Test
    void shouldUseTheFirstDetectionDateWhenAsked() throws ParseException {
        List<Finding> findings =
                CorpusFiles.parse(QUALYS, "qualys/Qualys_Sample_Report.csv", Map.of(ScanContext.USE_FIRST_SEEN, "True"));

        assertThat(findings).extracting(finding -> finding.date).containsOnly("2021-05-13");
        assertThat(CorpusFiles.parse(QUALYS, "qualys/empty.csv", Map.of(ScanContext.USE_FIRST_SEEN, "True"))).isEmpty();
    }

    @Test
    void shouldMapSeveritiesWithoutLegacyParsing() throws ParseException {
        Map<String, String> modern = Map.of(ScanContext.USE_QUALYS_LEGACY_SEVERITY_PARSING, "False");

        assertThat(CorpusFiles.parse(QUALYS, "qualys/Qualys_Sample_Report.csv", modern))
                .extracting(finding -> finding.severity).containsOnly("High");
        assertThat(parseResource(ASSET_REPORT, modern)).extracting(finding -> finding.severity)
                .containsExactly("Low", "High", "Medium", "High");
    }

    @Test
    void shouldReadTheMonthlyPciLayout() throws ParseException {
        List<Finding> findings = parseResource("/scans/qualys/monthly_pci.csv", Map.of());

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.title).isEqualTo("QID-86476 | Web Server Stopped Responding");
            assertThat(finding.severity).isEqualTo("Medium");
            assertThat(finding.date).isEqualTo("2022-09-22T13:01:00");
            assertThat(finding.endpoints).containsExactly(new Endpoint("", "10.1.2.3", null, "", "", ""));
            assertThat(finding.vulnerabilityIds).isEmpty();
        });
    }

    @Test
    void shouldReadTheXmlReportWithItsGlossaryAfterTheHosts() throws ParseException {
        List<Finding> findings = parseResource(ASSET_REPORT, Map.of());

        assertThat(findings).hasSize(4);
        Finding dns = findings.get(0);
        assertThat(dns.title).isEqualTo("QID-6 | DNS Host Name");
        assertThat(dns.severity).isEqualTo("Info");
        assertThat(dns.vulnIdFromTool).isEqualTo("qid_6");
        assertThat(dns.references).isEqualTo("qid_6");
        assertThat(dns.date).isEqualTo("2024-03-01");
        assertThat(dns.active).isFalse();
        assertThat(dns.isMitigated).isTrue();
        assertThat(dns.endpoints).containsExactly(new Endpoint("", "web13.example.test", null, "", "", ""));
        assertThat(dns.description).startsWith("The fully qualified domain name of this host").contains("\nType: INFORMATION GATHERED\n");
    }

    @Test
    void shouldTakeTheCvssFromTheDetectionBeforeTheGlossary() throws ParseException {
        List<Finding> findings = parseResource(ASSET_REPORT, Map.of());

        Finding fromGlossary = findings.get(1);
        assertThat(fromGlossary.cvssv3).isEqualTo("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(fromGlossary.cvssv3Score).isEqualTo(9.0);
        assertThat(fromGlossary.vulnerabilityIds).containsExactly("CVE-2018-8930", "CVE-2018-8936");
        assertThat(fromGlossary.references).isEqualTo(List.of(
                "http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2018-8930",
                "http://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2018-8936"));
        assertThat(fromGlossary.mitigation).isEqualTo("See [the advisory](https://vendor.example.test/advisory) \"now\".\n\n");
        Finding fromDetection = findings.get(3);
        assertThat(fromDetection.cvssv3).isNull();
        assertThat(fromDetection.cvssv3Score).isEqualTo(8.2);
        assertThat(fromDetection.endpoints).containsExactly(new Endpoint("", "10.0.0.14", null, "", "", ""));
    }

    @Test
    void shouldMarkFixedDetectionsMitigated() throws ParseException {
        Finding fixed = parseResource(ASSET_REPORT, Map.of(ScanContext.USE_FIRST_SEEN, "True")).get(2);

        assertThat(fixed.active).isFalse();
        assertThat(fixed.isMitigated).isTrue();
        assertThat(fixed.mitigated).isEqualTo("2024-02-20T12:34:56");
        assertThat(fixed.date).isEqualTo("2024-02-01");
        assertThat(fixed.description).contains("\nPort: 22\n");
    }

    @Test
    void shouldReadAnXmlReportWithoutHosts() throws ParseException {
        assertThat(CorpusFiles.parse(QUALYS, "qualys/empty.xml")).isEmpty();
    }

    @Test
    void shouldRejectADetectionWithoutGlossaryEntry() {
        assertThatThrownBy(() -> parse("<REPORT><HOST_LIST><HOST><IP>1.2.3.4</IP><VULN_INFO_LIST><VULN_INFO>"
                        + "<QID id=\"qid_9\">9</QID></VULN_INFO></VULN_INFO_LIST></HOST></HOST_LIST></REPORT>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("QID qid_9 has no GLOSSARY entry");
    }

    @Test
    void shouldRejectTruncatedXml() {
        assertThatThrownBy(() -> parse("<REPORT><HOST_LIST><HOST><IP>1.2.3.4</IP>"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Qualys XML report");
    }

    @Test
    void shouldRejectEntityReferencesEvenWithADoctype() {
        assertThatThrownBy(() -> parse("<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r><HOST_LIST>&x;</HOST_LIST></r>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("entity references are not allowed");
    }

    @Test
    void shouldRejectBrokenCsv() {
        assertThatThrownBy(() -> parse("QID,Title\n1,\"x\"y\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Qualys CSV report near line");
    }

    @Test
    void shouldRejectCsvThatIsNotAQualysExport() {
        assertThatThrownBy(() -> parse("{\"issue_events\": []}\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not a Qualys header");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(QUALYS));
    }

    private static List<Finding> parseResource(String resource, Map<String, String> settings) throws ParseException {
        try (InputStream in = QualysParserTest.class.getResourceAsStream(resource)) {
            return ParserRegistry.standard().parseAll(in, new ScanContext(QUALYS, settings, Clock.systemUTC()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
