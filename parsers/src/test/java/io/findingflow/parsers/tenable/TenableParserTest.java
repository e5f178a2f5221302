package io.findingflow.parsers.tenable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.HashCodeCalculator;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenableParserTest {

    private static final String TENABLE = "Tenable Scan";

    @Test
    void shouldReadNessusCsvWithoutCwe() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus/nessus_many_vuln2-all.csv");

        assertThat(findings).hasSize(29);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("HTTP Server Type and Version");
        assertThat(first.severity).isEqualTo("Info");
        assertThat(first.cwe).isZero();
        assertThat(first.vulnerabilityIds).isEmpty();
        assertThat(first.description)
                .isEqualTo("A web server is running on the remote host.\n\nThe remote web server type is :\n\nCowboy");
        assertThat(first.severityJustification).startsWith("Severity: Info\nVPR score: N/A\nEPSS Score: N/A\nRisk Factor: None\n");
        Finding weakHash = findings.get(25);
        assertThat(weakHash.title).isEqualTo("SSL Certificate Signed Using Weak Hashing Algorithm (Known CA)");
        assertThat(weakHash.vulnerabilityIds).containsExactly("CVE-2004-2761");
        assertThat(weakHash.endpoints).containsExactly(new Endpoint("tcp", "52.208.101.182", 443, "", "", ""));
        assertThat(weakHash.hashCode).isEqualTo("2377735fd67f94b9826e4f5a24370bd33bb980df766aba38e802e2debebb840b");
    }

    @Test
    void shouldMergeCsvRowsOfTheSamePluginAndKeepEveryCve() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/issue_11102.csv");

        assertThat(findings).hasSize(2);
        Finding sweet32 = findings.get(0);
        assertThat(sweet32.severity).isEqualTo("High");
        assertThat(sweet32.mitigation)
                .isEqualTo("Reconfigure the affected application if possible to avoid use of medium strength ciphers.");
        assertThat(sweet32.references).isEqualTo("https://www.openssl.org/blog/blog/2016/08/24/sweet32/\n"
                + "https://sweet32.info\nTenable Plugin ID: 42873\nPlugin Information: N/A\n"
                + "Plugin Publication Date: Nov 23, 2009 12:00:00 UTC\nPlugin Modification Date: Feb 3, 2021 12:00:00 UTC");
        assertThat(sweet32.vulnerabilityIds).containsExactly("CVE-2016-2183", "CVE-2016-2183");
        assertThat(sweet32.endpoints).extracting(Endpoint::host).containsExactly("1.2.3.4", "2.3.4.5");
        assertThat(sweet32.cvssv3).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N");
    }

    /**
     * hash_code is worked out when a finding's first row is merged; rows merged later (another
     * output, another CVE) must leave it that of the completed finding, as with one row.
     */
    @Test
    void shouldHashTheCompletedFindingWhetherOrNotLaterRowsMergeIntoIt() throws ParseException {
        String csv = "Plugin ID,CVE,Risk,Host,Protocol,Port,Name,Synopsis,Description,Plugin Output\n"
                + "1,CVE-2020-0001,High,10.0.0.1,tcp,443,Merged Plugin,Syn,Desc,first output\n"
                + "2,,Low,10.0.0.2,tcp,22,Single Plugin,Syn,Desc,only output\n"
                + "1,CVE-2020-0002,High,10.0.0.1,tcp,443,Merged Plugin,Syn,Desc,second output\n"
                + "1,,High,10.0.0.1,tcp,443,Merged Plugin,Syn,Desc,\n"
                + "3,CVE-2020-0003,Medium,10.0.0.3,tcp,80,Plugin Without Output,Syn,Desc,\n"
                + "3,CVE-2020-0004,Medium,10.0.0.3,tcp,80,Plugin Without Output,Syn,Desc,\n";

        List<Finding> findings = parse(csv);

        assertThat(findings).extracting(f -> f.title)
                .containsExactly("Merged Plugin", "Single Plugin", "Plugin Without Output");
        assertThat(findings.get(0).description).isEqualTo("Syn\n\nfirst output\n\nsecond output");
        assertThat(findings.get(0).vulnerabilityIds).containsExactly("CVE-2020-0001", "CVE-2020-0002");
        assertThat(findings.get(2).vulnerabilityIds).containsExactly("CVE-2020-0003", "CVE-2020-0004");
        DedupSettings dedup = DedupSettings.forScanType(TENABLE);
        for (Finding finding : findings) {
            String parsed = finding.hashCode;
            finding.hashCode = null;
            assertThat(parsed).as(finding.title).isEqualTo(HashCodeCalculator.compute(finding, dedup));
        }
    }

    @Test
    void shouldReadTenableIoSemicolonCsvWithCpeComponents() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus/nessus_new.csv");

        assertThat(findings).hasSize(99);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("Blah1");
        assertThat(first.severity).isEqualTo("Low");
        assertThat(first.cvssv3Score).isEqualTo(3.1);
        assertThat(first.endpoints).containsExactly(new Endpoint("tcp", "blah1", null, "", "", ""));
        assertThat(first.hashCode).isEqualTo("e428da8038aeba6cf4a751b72880ff3d9258f741e2abe26ff800b1aef150c4ce");
        // the cpe library reads "cpe:/a:centos:centos:pkg," as CPE 1.1 (components start at the vendor)
        assertThat(findings.get(9).componentName).isEqualTo("centos");
        assertThat(findings.get(9).componentVersion).isEqualTo("centos");
        assertThat(findings.get(10).componentName).isEqualTo("ubuntu_linux");
        assertThat(findings.get(10).componentVersion).isEqualTo("18.04");
    }

    @Test
    void shouldReadNessusWasCsvScore() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus_was/nessus_was_many_vuln.csv");

        assertThat(findings).hasSize(5);
        assertThat(findings.get(0).cvssv3Score).isEqualTo(7.1);
        assertThat(findings.get(0).endpoints).containsExactly(new Endpoint("http", "google.com", 80, "", "", ""));
        assertThat(CorpusFiles.parse(TENABLE, "tenable/nessus_was/nessus_was_no_vuln.csv")).isEmpty();
    }

    @Test
    void shouldMergeNessusXmlItemsAcrossHosts() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus/nessus_v_unknown.xml");

        assertThat(findings).hasSize(32);
        assertThat(findings.get(0).title).isEqualTo("Nessus Scan Information");
        assertThat(findings.get(0).description).startsWith("Information about the Nessus scan.\n\nPlugin Output: qa3app09\n```\n");
        assertThat(findings.get(9).vulnerabilityIds).hasSize(7).containsOnly("CVE-2005-1794");
        assertThat(findings.get(9).hashCode).isEqualTo("28126e409ff949e9bbbafbd712998c246b5cd1656ebc4950da7fcf1f81b956c9");
        Finding synScanner = findings.get(25);
        assertThat(synScanner.title).isEqualTo("Nessus SYN scanner");
        assertThat(synScanner.endpoints.get(26)).isEqualTo(new Endpoint("http", "qa3app02", 10002, "", "", ""));
        assertThat(synScanner.endpoints.get(37)).isEqualTo(new Endpoint("tcp", "qa3app01", 264, "", "", ""));
        assertThat(synScanner.hashCode).isEqualTo("1c3a587ebc0c5bcbdc969bbc89e7ce4534da3fd225527fa5c2d8d8acd75eec2c");
    }

    @Test
    void shouldReadCvss3AndCweFromNessusXml() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus/nessus_with_cvssv3.nessus");

        assertThat(findings).hasSize(48);
        Finding browsable = findings.get(3);
        assertThat(browsable.severity).isEqualTo("Medium");
        assertThat(browsable.cwe).isNull();
        assertThat(browsable.cvssv3).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
        assertThat(browsable.endpoints.get(0).protocol()).isEqualTo("http");
        assertThat(browsable.impact).endsWith("CVSS Vector: CVSS2#AV:N/AC:L/Au:N/C:P/I:N/A:N\n"
                + "CVSSv3 Vector: CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N\nCVSS Base Score: 5.0\n");
        assertThat(browsable.hashCode).isEqualTo("85a3806c0dbcdf978b117b16c9d7c5b9874a39141f7293008840e0d3f3bdf02a");
        Finding php = findings.get(10);
        assertThat(php.cwe).isEqualTo(94);
        assertThat(php.references).isEqualTo("http://www.hardened-php.net/advisory_092006.133.html\n"
                + "http://www.php.net/releases/5_2_0.php\nCWE:94\nCWE:119\nCWE:399\n");
        assertThat(php.hashCode).isEqualTo("c26fb9aca7f7bdee3415530be6e32cd0a13aea7521aa245283019026f75c9352");
    }

    @Test
    void shouldUseTheFqdnUrlOfNessusWasHosts() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus_was/nessus_was_many_vuln.xml");

        assertThat(findings).hasSize(5).allSatisfy(finding -> assertThat(finding.cwe).isNull());
        Finding xss = findings.get(0);
        assertThat(xss.severity).isEqualTo("High");
        assertThat(xss.endpoints).containsExactly(new Endpoint("http", "google.com", 80, "", "", ""));
        assertThat(xss.cvssv3Score).isEqualTo(7.1);
        assertThat(xss.hashCode).isEqualTo("4573b984f59078eb327470a357a2ed807d7c65fe921e9f0d36b1e2d39f8c2fdb");
        assertThat(CorpusFiles.parse(TENABLE, "tenable/nessus_was/nessus_was_no_vuln.xml")).isEmpty();
    }

    @Test
    void shouldLetCvss3BaseScoreOverrideTheNessusSeverity() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TENABLE, "tenable/nessus/issue_6992.nessus");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity).isEqualTo("High");
            assertThat(finding.endpoints).containsExactly(new Endpoint("http", "testphp.vulnweb.com", 80, "", "", ""));
        });
    }

    @Test
    void shouldReadTheCpeProductAndVersionAsThePythonLibraryDoes() {
        assertThat(TenableCpe.productAndVersion("cpe:/a:microsoft:iis")).containsExactly("iis", "");
        assertThat(TenableCpe.productAndVersion("cpe:/o:Canonical:Ubuntu_Linux:18.04:-:lts,"))
                .containsExactly("ubuntu_linux", "18.04");
        assertThat(TenableCpe.productAndVersion("cpe:/a:microsoft:ie,")).containsExactly("microsoft", "ie,");
        assertThat(TenableCpe.productAndVersion("cpe:/a:x:y z")).isNull();
    }

    @Test
    void shouldMapCsvSeveritiesLikeDefectDojo() {
        assertThat(TenableCsvRow.severity("4")).isEqualTo("Critical");
        assertThat(TenableCsvRow.severity(" 1 ")).isEqualTo("Low");
        assertThat(TenableCsvRow.severity("0")).isEqualTo("Info");
        assertThat(TenableCsvRow.severity("5")).isEqualTo("Info");
        assertThat(TenableCsvRow.severity("HIGH")).isEqualTo("High");
        assertThat(TenableCsvRow.severity("None")).isEqualTo("Info");
    }

    @Test
    void shouldRejectXmlThatIsNotNessusV2() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><NessusClientData><Report/></NessusClientData>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("NessusClientData_v2");
    }

    @Test
    void shouldRejectTruncatedXml() {
        assertThatThrownBy(() -> parse("<NessusClientData_v2><Report name=\"x\"><ReportHost name=\"h\">"
                        + "<ReportItem port=\"0\" severity=\"1\" pluginName=\"p\">"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Nessus XML report");
    }

    @Test
    void shouldRejectEntityExpansion() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\">]>"
                        + "<NessusClientData_v2><Report><ReportHost name=\"&a;\"/></Report></NessusClientData_v2>"))
                .isInstanceOf(ParseException.class);
    }

    @Test
    void shouldRejectCsvWithoutANameColumn() {
        assertThatThrownBy(() -> parse("Host,Port,Risk\n1.2.3.4,80,High\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("'Name', 'Plugin Name' or 'asset.name'");
    }

    @Test
    void shouldRejectCsvWithBrokenQuoting() {
        assertThatThrownBy(() -> parse("Name,Risk\n\"a\"b,High\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Tenable CSV report near line");
    }

    @Test
    void shouldRejectAnEmptyReport() {
        assertThatThrownBy(() -> parse("  \n")).isInstanceOf(ParseException.class).hasMessageContaining("empty");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(TENABLE));
    }

    /** More severity and score combinations than the justification cache holds side by side: each row still gets its own. */
    @Test
    void shouldJustifyEverySeverityAndScoreCombination() throws ParseException {
        StringBuilder csv = new StringBuilder("Name,Risk,Host,Port,Synopsis,CVSS v3.0 Base Score,VPR score\n");
        String[] risks = {"Critical", "High", "Medium", "Low", "None"};
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String risk = risks[i % risks.length];
            String score = (i * 7) % 97 + "." + i % 10;
            String vpr = i % 3 == 0 ? "" : String.valueOf(i % 11);
            csv.append("Plugin ").append(i).append(',').append(risk).append(",10.0.0.1,").append(i)
                    .append(",syn,").append(score).append(',').append(vpr).append('\n');
            expected.add("Severity: " + (risk.equals("None") ? "Info" : risk) + "\nVPR score: " + vpr
                    + "\nEPSS Score: N/A\nRisk Factor: N/A\nSTIG Severity: N/A\nCVSS v4.0 Base Score: N/A\n"
                    + "CVSS v4.0 Base+Threat Score: N/A\nCVSS v3.0 Base Score: " + score
                    + "\nCVSS v3.0 Temporal Score: N/A\nMetasploit: N/A\nCore Impact: N/A\nCANVAS: N/A\nXREF: N/A\n");
        }
        List<Finding> findings = new ParserRegistry(List.of(new TenableParser())).parseAll(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ScanContext.of(TENABLE));

        assertThat(findings).extracting(finding -> finding.severityJustification).containsExactlyElementsOf(expected);
    }
}
