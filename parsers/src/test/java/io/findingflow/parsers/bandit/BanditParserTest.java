package io.findingflow.parsers.bandit;

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

class BanditParserTest {

    private static final String BANDIT = "Bandit Scan";

    @Test
    void shouldReadOneVulnerability() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(BANDIT, "bandit/one_vuln.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title)
                .isEqualTo("Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.");
        assertThat(finding.date).isEqualTo("2020-12-30T10:03:39+00:00");
        assertThat(finding.severity).isEqualTo("Low");
        assertThat(finding.filePath).isEqualTo("one/one.py");
        assertThat(finding.vulnIdFromTool).isEqualTo("assert_used:B101");
        assertThat(finding.scannerConfidence).isEqualTo(2);
        assertThat((String) finding.references).contains("b101_assert_used.html");
        assertThat(finding.nbOccurences).isEqualTo(1);
    }

    @Test
    void shouldDescribeTestAndCode() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(BANDIT, "bandit/dd.json");

        assertThat(findings).hasSize(47);
        Finding first = findings.get(0);
        assertThat(first.line).isEqualTo(39);
        assertThat(first.description).startsWith("**Test Name:** `blacklist`\n**Test ID:** `B303`\n"
                + "**Filename:** `dojo/tools/acunetix/parser.py`\n**Line number:** `39`\n"
                + "**Issue Confidence:** `HIGH`\n**Code:**\n```\n38 ");
        assertThat(first.hashCode).isEqualTo("35ea78ae1a80aa00d7b3e94b2767d46531abb5e325c8006034e29e03ed7874c3");
    }

    @Test
    void shouldWaitForADateWrittenAfterTheResults() throws ParseException {
        String report = "{\"results\":[{\"code\":\"x\",\"filename\":\"a.py\",\"issue_confidence\":\"LOW\","
                + "\"issue_severity\":\"HIGH\",\"issue_text\":\"t\",\"line_number\":5,\"test_id\":\"B1\","
                + "\"test_name\":\"n\"}],\"generated_at\":\"2024-01-02T03:04:05.5Z\"}";

        Finding finding = parse(report).get(0);

        assertThat(finding.date).isEqualTo("2024-01-02T03:04:05.500000+00:00");
        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.scannerConfidence).isEqualTo(6);
        assertThat(finding.references).isNull();
    }

    @Test
    void shouldReturnNothingForNoVulnerabilities() throws ParseException {
        assertThat(CorpusFiles.parse(BANDIT, "bandit/no_vuln.json")).isEmpty();
    }

    @Test
    void shouldRejectResultWithoutRequiredKeys() {
        assertThatThrownBy(() -> parse("{\"generated_at\":\"2024-01-01T00:00:00Z\",\"results\":[{\"filename\":\"a\"}]}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("a result has no \"test_name\"");
    }

    @Test
    void shouldRejectNonJson() {
        assertThatThrownBy(() -> parse("<xml/>"))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Bandit report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(BANDIT));
    }
}
