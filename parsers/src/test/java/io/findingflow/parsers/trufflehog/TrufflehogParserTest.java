package io.findingflow.parsers.trufflehog;

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

class TrufflehogParserTest {

    private static final String TRUFFLEHOG = "Trufflehog Scan";

    @Test
    void shouldReadVersion3GitSource() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(TRUFFLEHOG, "trufflehog/v3_git.json");

        assertThat(findings).hasSize(3);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("Hard Coded AWS secret in: keys");
        assertThat(first.severity).isEqualTo("Critical");
        assertThat(first.cwe).isEqualTo(798);
        assertThat(first.filePath).isEqualTo("keys");
        assertThat(first.line).isEqualTo(4);
        assertThat(first.verified).isTrue();
        assertThat(first.description).contains("**Extra Data:**\n\taccount: 595918472158\n");
        assertThat(first.hashCode).isEqualTo("beddabf6277a992b676781a32abe125de63a69dc99d7ce5374934f98c5cd26f6");
        assertThat(findings.get(1).nbOccurences).isEqualTo(2);
    }

    @Test
    void shouldLinkTheCommitOfGithubSources() throws ParseException {
        Finding first = CorpusFiles.parse(TRUFFLEHOG, "trufflehog/v3_github.json").get(0);

        assertThat(first.mitigation).endsWith("\nSee the commit here: "
                + "https://github.com/trufflesecurity/test_keys/blob/fbc14303ffbf8fb1c2c1914e8dda7d0121633aca/keys");
    }

    @Test
    void shouldReadVersion2Lines() throws ParseException {
        String line = "{\"branch\":\"main\",\"commit\":\"fix\\nmore\",\"commitHash\":\"abc\",\"date\":\"2020-01-01\","
                + "\"path\":\"settings.py\",\"reason\":\"%s\",\"stringsFound\":[\"s1\",\"s2\"]}";
        String report = String.format(line, "High Entropy") + "\n" + String.format(line, "High Entropy") + "\r\n"
                + String.format(line, "Generic Secret") + "\n";

        List<Finding> findings = parse(report);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).title).isEqualTo("Hard Coded High Entropy in: settings.py");
        assertThat(findings.get(0).severity).isEqualTo("Info");
        assertThat(findings.get(0).line).isZero();
        assertThat(findings.get(0).nbOccurences).isEqualTo(2);
        assertThat(findings.get(0).description).startsWith("**Commit:** fix\n```\nfix\nmore\n```\n**Commit Hash:** abc\n")
                .contains("\n**Strings Found:**\n```s1\ns2\n```\n");
        assertThat(findings.get(1).severity).isEqualTo("Medium");
    }

    @Test
    void shouldRateUnverifiedPrivateKeysHigh() throws ParseException {
        String report = "{\"SourceMetadata\":{\"Data\":{\"Filesystem\":{\"file\":\"id_rsa\",\"line\":1}}},"
                + "\"DetectorName\":\"PrivateKey\",\"Verified\":false,\"Raw\":\"r\",\"Redacted\":\"\"}";

        Finding finding = parse(report).get(0);

        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.verified).isFalse();
        assertThat(finding.filePath).isEqualTo("id_rsa");
    }

    @Test
    void shouldIgnoreLinesOfAnotherTool() throws ParseException {
        assertThat(parse("{\"foo\": 1}\n{\"path\": \"x\"}")).isEmpty();
    }

    @Test
    void shouldRejectBrokenLine() {
        assertThatThrownBy(() -> parse("{\"SourceMetadata\": {}}\n{\"SourceMetadata\": "))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Trufflehog report at line 2");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(TRUFFLEHOG));
    }
}
