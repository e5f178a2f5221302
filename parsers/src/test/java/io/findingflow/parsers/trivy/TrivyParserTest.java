package io.findingflow.parsers.trivy;

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

class TrivyParserTest {

    private static final String TRIVY = "Trivy Scan";

    @Test
    void shouldReadLegacyListWithoutFilePath() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/legacy_many_vulns.json");

        assertThat(findings).hasSize(93);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("CVE-2011-3374 apt 1.8.2.2");
        assertThat(first.severity).isEqualTo("Low");
        assertThat(first.cwe).isEqualTo(347);
        assertThat(first.vulnerabilityIds).containsExactly("CVE-2011-3374");
        assertThat(first.componentName).isEqualTo("apt");
        assertThat(first.componentVersion).isEqualTo("1.8.2.2");
        assertThat(first.filePath).isNull();
        assertThat(first.tags).containsExactly("debian");
        assertThat(first.cvssv3).isEqualTo("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:N");
        assertThat(first.cvssv3Score).isEqualTo(3.7);
        assertThat(first.hashCode).isEqualTo("408727bc5de06d7e6f7fa3551fbcb59c518171edd1d12a9ab9f3185a9681ee60");
    }

    @Test
    void shouldReadSchemaTwoVulnerabilities() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/scheme_2_many_vulns.json");

        assertThat(findings).hasSize(5);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("CVE-2020-15999 freetype 2.9.1-r2");
        assertThat(first.severity).isEqualTo("Medium");
        assertThat(first.filePath).isEqualTo("app/libs/freetype-2.9.1-r2");
        assertThat(first.mitigation).isEqualTo("2.9.1-r3");
        assertThat(first.fixAvailable).isTrue();
        assertThat(first.staticFinding).isTrue();
        assertThat(first.description)
                .startsWith("freetype: Heap-based buffer overflow due to integer truncation in Load_SBit_Png\n"
                        + "**Target:** teamdojo:latest (alpine 3.9.4)\n**Type:** alpine\n**Fixed version:** 2.9.1-r3\n\n");
        assertThat(first.hashCode).isEqualTo("bc31efb86809530d98dea4469f22358ac754d576dc7344d9ee96cb7ba316b744");
    }

    @Test
    void shouldReadMisconfigurationsAndSecrets() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/misconfigurations_and_secrets.json");

        assertThat(findings).hasSize(5);
        Finding misconfiguration = findings.get(2);
        assertThat(misconfiguration.title).isEqualTo("DS002 - Image user should not be 'root'");
        assertThat(misconfiguration.severity).isEqualTo("High");
        assertThat(misconfiguration.references)
                .isEqualTo("https://avd.aquasec.com/misconfig/ds002\n"
                        + "https://docs.docker.com/develop/develop-images/dockerfile_best-practices/");
        assertThat(misconfiguration.tags).containsExactly("dockerfile", "config");
        assertThat(misconfiguration.vulnerabilityIds).containsExactly("DS002");
        Finding secret = findings.get(3);
        assertThat(secret.title).isEqualTo("Secret detected in Dockerfile - GitHub Personal Access Token");
        assertThat(secret.severity).isEqualTo("Critical");
        assertThat(secret.description)
                .isEqualTo("GitHub Personal Access Token\n**Category:** GitHub\n**Match:** ENV GITHUB_PAT=*****\n");
        assertThat(secret.line).isEqualTo(24);
        assertThat(secret.tags).containsExactly("secret");
    }

    @Test
    void shouldNameClusterWorkloadsAsService() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/issue_9170.json");

        assertThat(findings).hasSize(37);
        assertThat(findings.get(0).title).isEqualTo("KSV116 - Runs with a root primary or supplementary GID");
        assertThat(findings.get(0).service).isEqualTo("default / Service / kubernetes");
        assertThat(findings.get(0).vulnerabilityIds).containsExactly("AVD-KSV-0116");
        assertThat(findings.get(0).hashCode)
                .isEqualTo("dbde13c620a6b3b0cc5c7b349bae80fa60a5a5ca663fd177161d47d885425b23");
    }

    @Test
    void shouldMapVexStatusesAndCwes() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/all_statuses.json");

        assertThat(findings).hasSize(8);
        assertThat(findings.get(0).verified).isFalse();
        assertThat(findings.get(1).active).isFalse();
        assertThat(findings.get(1).isMitigated).isTrue();
        assertThat(findings.get(3).cwes).containsExactly(190, 787);
        assertThat(findings.get(2).cwe).isZero();
    }

    @Test
    void shouldPreferReportedSeverityOverCvss() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRIVY, "trivy/severity_prio.json");

        assertThat(findings.get(0).severity).isEqualTo("Low");
        assertThat(findings.get(0).cvssv3Score).isEqualTo(6.5);
    }

    @Test
    void shouldFallBackToCvssWhenSeverityIsMissing() throws ParseException {
        String report = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Class\":\"lang-pkgs\",\"Type\":\"pip\","
                + "\"Vulnerabilities\":[{\"VulnerabilityID\":\"CVE-1\",\"PkgName\":\"p\",\"CVSS\":{\"ghsa\":"
                + "{\"V3Vector\":\"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H\"}}}]}]}";

        Finding finding = parse(report).get(0);

        assertThat(finding.severity).isEqualTo("Critical");
        assertThat(finding.cvssv3Score).isEqualTo(10.0);
        assertThat(finding.filePath).isEqualTo("t");
        assertThat(finding.fixAvailable).isFalse();
    }

    @Test
    void shouldStreamResultsWhoseTargetComesLast() throws ParseException {
        String report = "[{\"Vulnerabilities\":[{\"VulnerabilityID\":\"CVE-1\",\"PkgName\":\"p\","
                + "\"Severity\":\"HIGH\"}],\"Type\":\"debian\",\"Target\":\"img\"},{\"Type\":\"no target\"}]";

        List<Finding> findings = parse(report);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).description).contains("**Target:** img\n**Type:** debian\n");
    }

    /**
     * References are joined straight from the parser while they are strings; a list that turns out
     * to hold other values prints those as Python does, the strings before them unchanged. Severity,
     * Status and SeveritySource read the same whether or not they are one of the usual values.
     */
    @Test
    void shouldReadReferencesAndUsualValuesWhateverTheirShape() throws ParseException {
        String entries = "{\"VulnerabilityID\":\"CVE-1\",\"PkgName\":\"p\",\"Severity\":\"HIGH\",\"Status\":\"fixed\","
                + "\"References\":[\"a\",\"b\\nc\",\"\"]},"
                + "{\"VulnerabilityID\":\"CVE-2\",\"PkgName\":\"p\",\"Severity\":\"HIGH\",\"Status\":\"fixed\","
                + "\"References\":[\"a\",\"b\\nc\",null,3,[\"x\"],{\"k\":\"v\"},\"d\"]},"
                + "{\"VulnerabilityID\":\"CVE-3\",\"PkgName\":\"p\",\"Severity\":\"LOW\",\"Status\":\"fixe\","
                + "\"References\":[]},"
                + "{\"VulnerabilityID\":\"CVE-6\",\"PkgName\":\"p\",\"Severity\":\"HIGHER\",\"References\":[\"r\"]},"
                + "{\"VulnerabilityID\":\"CVE-4\",\"PkgName\":\"p\",\"Severity\":\"LOW\",\"Status\":\"not_affected\","
                + "\"SeveritySource\":\"ghsa\",\"CVSS\":{\"nvd\":{\"V3Score\":9.8},\"ghsa\":{\"V3Score\":5.3}},"
                + "\"References\":\"not a list\"},"
                + "{\"VulnerabilityID\":\"CVE-5\",\"PkgName\":\"p\",\"Severity\":\"MEDIUM\",\"Status\":\"Fixed\","
                + "\"References\":[\"only\"],\"References\":[\"later\",\"wins\"]}";
        String report = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Class\":\"os-pkgs\","
                + "\"Type\":\"debian\",\"Vulnerabilities\":[" + entries + "]}]}";

        List<Finding> findings = parse(report);

        assertThat(findings).extracting(f -> f.references).containsExactly(
                "a\nb\nc\n", "a\nb\nc\nNone\n3\n['x']\n{'k': 'v'}\nd", "", "", "later\nwins");
        assertThat(findings).extracting(f -> f.title)
                .containsExactly("CVE-1 p ", "CVE-2 p ", "CVE-3 p ", "CVE-4 p ", "CVE-5 p "); // CVE-6: unknown severity
        assertThat(findings).extracting(f -> f.severity).containsExactly("High", "High", "Low", "Low", "Medium");
        assertThat(findings).extracting(f -> f.impact).containsExactly("fixed", "fixed", "fixe", "not_affected", "Fixed");
        assertThat(findings).extracting(f -> f.isMitigated).containsExactly(false, false, false, true, false);
        assertThat(findings).extracting(f -> f.verified).containsExactly(true, true, false, true, false);
        assertThat(findings.get(3).cvssv3Score).isEqualTo(5.3);
    }

    /** Title and Description go into the description as Python's str() prints them, a later duplicate winning. */
    @Test
    void shouldDescribeTitlesAndDescriptionsOfAnyShape() throws ParseException {
        String entries = "{\"VulnerabilityID\":\"CVE-1\",\"PkgName\":\"p\",\"Severity\":\"LOW\",\"Title\":null,"
                + "\"Description\":1.5},"
                + "{\"VulnerabilityID\":\"CVE-2\",\"PkgName\":\"p\",\"Severity\":\"LOW\",\"Title\":[\"a\",2],"
                + "\"Description\":{\"k\":true}},"
                + "{\"VulnerabilityID\":\"CVE-3\",\"PkgName\":\"p\",\"Severity\":\"LOW\",\"Title\":\"first\","
                + "\"Title\":\"Späte Zeile ✓\",\"FixedVersion\":\"2.0\"},"
                + "{\"VulnerabilityID\":\"CVE-4\",\"PkgName\":\"p\",\"Severity\":\"LOW\","
                + "\"Description\":\"only a description\",\"Title\":7,\"Title\":\"now text\"}";
        String report = "{\"SchemaVersion\":2,\"Results\":[{\"Target\":\"t\",\"Class\":\"os-pkgs\","
                + "\"Type\":\"debian\",\"Vulnerabilities\":[" + entries + "]}]}";

        List<Finding> findings = parse(report);

        String middle = "\n**Target:** t\n**Type:** debian\n**Fixed version:** ";
        assertThat(findings).extracting(f -> f.description).containsExactly(
                "None" + middle + "\n\n1.5\n",
                "['a', 2]" + middle + "\n\n{'k': True}\n",
                "Späte Zeile ✓" + middle + "2.0\n\n\n",
                "now text" + middle + "\n\nonly a description\n");
    }

    @Test
    void shouldReturnNothingForNullReport() throws ParseException {
        assertThat(parse("null")).isEmpty();
    }

    @Test
    void shouldRejectUnknownSchema() {
        assertThatThrownBy(() -> parse("{\"SchemaVersion\": 3}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("not supported");
    }

    @Test
    void shouldRejectTruncatedReport() {
        assertThatThrownBy(() -> parse("{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"x\", "))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Invalid Trivy report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(TRIVY));
    }
}
