package io.findingflow.parsers.gitleaks;

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

class GitleaksParserTest {

    private static final String GITLEAKS = "Gitleaks Scan";

    private static final String V8_LEAK = "{\"Description\":\"AWS Access Key\",\"StartLine\":%d,\"Match\":\"key = AKIA\","
            + "\"Secret\":\"AKIA\",\"File\":\"conf/app.yml\",\"Commit\":\"abc\",\"Date\":\"2022-01-01T00:00:00Z\","
            + "\"Message\":\"first line\\nsecond line\",\"RuleID\":\"aws-access-key\",\"Tags\":[\"key\",\"AWS\"]}";

    @Test
    void shouldReadLegacyLeakWithoutLine() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(GITLEAKS, "gitleaks/data_one.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Hard Coded Asymmetric Private Key");
        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.cwe).isEqualTo(798);
        assertThat(finding.filePath).isEqualTo("cert-key.pem");
        assertThat(finding.line).isNull();
        assertThat(finding.tags).containsExactly("key", "AsymmetricPrivateKey");
        assertThat(finding.description).endsWith("\n**String Found:**\n\n```\nREDACTED\n```");
        assertThat(finding.hashCode).isEqualTo("52488f1413eb073828e6007b0e1ce562e6ebcc8a186187869f411c7e829f6054");
    }

    @Test
    void shouldRateAwsLeaksCritical() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(GITLEAKS, "gitleaks/version_7.5.0.json");

        assertThat(findings).hasSize(4);
        assertThat(findings.get(0).severity).isEqualTo("Critical");
        assertThat(findings.get(2).line).isEqualTo(44);
        assertThat(findings.get(3).filePath).isEqualTo("dojo/unittests/tools/test_gitlab_secret_detection_report_parser.py");
    }

    @Test
    void shouldMergeRepeatedVersion8Leaks() throws ParseException {
        String report = "[" + String.format(V8_LEAK, 12) + "," + String.format(V8_LEAK, 12) + ","
                + String.format(V8_LEAK, 13) + "]";

        List<Finding> findings = parse(report);

        assertThat(findings).hasSize(2);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("Hard coded AWS Access Key found in conf/app.yml");
        assertThat(first.severity).isEqualTo("High");
        assertThat(first.line).isEqualTo(12);
        assertThat(first.nbOccurences).isEqualTo(2);
        assertThat(first.tags).containsExactly("key", "AWS");
        String one = "**Secret:** AKIA\n**Match:** key = AKIA\n**Commit message:**\n```\nfirst line\nsecond line\n```\n"
                + "**Commit hash:** abc\n**Commit date:** 2022-01-01T00:00:00Z\n**Rule Id:** aws-access-key";
        assertThat(first.description).isEqualTo(one + "\n\n***\n\n" + one);
    }

    @Test
    void shouldReturnNothingForNullReport() throws ParseException {
        assertThat(CorpusFiles.parse(GITLEAKS, "gitleaks/no_findings.json")).isEmpty();
    }

    @Test
    void shouldRejectUnknownLeakFormat() {
        assertThatThrownBy(() -> parse("[{\"foo\": 1}]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("format is not recognized for Gitleaks");
    }

    @Test
    void shouldRejectTruncatedReport() {
        assertThatThrownBy(() -> parse("[{\"rule\": \"AWS\", "))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Gitleaks report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(GITLEAKS));
    }
}
