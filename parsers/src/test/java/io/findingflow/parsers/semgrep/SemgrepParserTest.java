package io.findingflow.parsers.semgrep;

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

class SemgrepParserTest {

    private static final String SEMGREP = "Semgrep JSON Report";

    @Test
    void shouldReadOneFinding() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SEMGREP, "semgrep/one_finding.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("java.lang.security.audit.cbc-padding-oracle.cbc-padding-oracle");
        assertThat(finding.vulnIdFromTool).isEqualTo(finding.title);
        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.filePath).isEqualTo("src/main/java/org/owasp/benchmark/testcode/BenchmarkTest02194.java");
        assertThat(finding.line).isEqualTo(64);
        assertThat(finding.cwe).isEqualTo(696);
        assertThat(finding.cwes).isEmpty();
        assertThat(finding.mitigation).isEqualTo("javax crypto Cipher.getInstance(\"AES/GCM/NoPadding\");");
        assertThat(finding.nbOccurences).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryCweOfAList() throws ParseException {
        Finding finding = CorpusFiles.parse(SEMGREP, "semgrep/multiple_cwes_fabricated.json").get(0);

        assertThat(finding.cwe).isEqualTo(327);
        assertThat(finding.cwes).containsExactly(327, 696);
    }

    @Test
    void shouldIgnoreLoggedOutPlaceholders() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SEMGREP, "semgrep/fingerprint_test.json");

        assertThat(findings).hasSize(2);
        assertThat(findings).extracting(f -> f.uniqueIdFromTool).containsOnlyNulls();
        assertThat(findings.get(0).description).doesNotContain("**Snippet:**");
        assertThat(findings.get(0).hashCode).isEqualTo("e883fac78ec4f13e28fcfd7c8f250fcf257429e2dc47de5dda14c236c78d40bb");
    }

    @Test
    void shouldEscapeCdataLikeSnippets() throws ParseException {
        Finding finding = CorpusFiles.parse(SEMGREP, "semgrep/issue_8435.json").get(0);

        assertThat(finding.description).contains("```<! [A-Z]>```").contains("***Caution:***");
    }

    @Test
    void shouldWriteFixRegexAsPythonJson() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SEMGREP, "semgrep/many_vulns.json");

        assertThat(findings).hasSize(48);
        assertThat(findings.get(4).cwe).isEqualTo(327);
        assertThat(findings).anySatisfy(f -> assertThat(f.mitigation)
                .startsWith("**You can automaticaly apply this regex:**\n\n```\n\n{\"regex\": "));
    }

    @Test
    void shouldFoldRepeatsOfRuleFileAndLine() throws ParseException {
        String result = "{\"check_id\":\"r\",\"path\":\"a.py\",\"start\":{\"line\":3},"
                + "\"extra\":{\"severity\":\"INFO\",\"message\":\"m\",\"metadata\":{}}}";

        List<Finding> findings = parse("{\"results\":[" + result + "," + result + "]}");

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).nbOccurences).isEqualTo(2);
        assertThat(findings.get(0).severity).isEqualTo("Low");
    }

    @Test
    void shouldReadSupplyChainExport() throws ParseException {
        String report = "{\"vulns\":[{\"title\":\"lodash\",\"advisory\":{\"severity\":\"HIGH\",\"description\":\"d\","
                + "\"references\":{\"cweIds\":[\"CWE-1321: Prototype Pollution\"]}},"
                + "\"dependencyFileLocation\":{\"path\":\"package-lock.json\",\"startLine\":\"222\"},\"repositoryId\":\"123\"}]}";

        Finding finding = parse(report).get(0);

        assertThat(finding.title).isEqualTo("lodash");
        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.line).isEqualTo(222);
        assertThat(finding.cwe).isEqualTo(1321);
        assertThat(finding.vulnIdFromTool).isEqualTo("123");
    }

    @Test
    void shouldRejectUnknownSeverity() {
        String report = "{\"results\":[{\"check_id\":\"r\",\"path\":\"a\",\"start\":{\"line\":1},"
                + "\"extra\":{\"severity\":\"SEVERE\",\"message\":\"m\",\"metadata\":{}}}]}";

        assertThatThrownBy(() -> parse(report))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Unknown value for severity: SEVERE");
    }

    @Test
    void shouldRejectTruncatedReport() {
        assertThatThrownBy(() -> parse("{\"results\": [{\"check_id\": "))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Semgrep report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(SEMGREP));
    }
}
