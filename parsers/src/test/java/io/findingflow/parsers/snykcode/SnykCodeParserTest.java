package io.findingflow.parsers.snykcode;

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

class SnykCodeParserTest {

    private static final String SNYK_CODE = "Snyk Code Scan";

    @Test
    void shouldReadEveryResultOfTheSarifRun() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SNYK_CODE, "snyk_code/snykcode_issue_9270.json");

        assertThat(findings).hasSize(39);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("javascript/XSS_frontend/src/app/score-board/score-board.component.ts");
        assertThat(first.severity).isEqualTo("Medium");
        assertThat(first.cwe).isEqualTo(79);
        assertThat(first.cwes).containsExactly(79);
        assertThat(first.filePath).isEqualTo("frontend/src/app/score-board/score-board.component.ts");
        assertThat(first.line).isEqualTo(216);
        assertThat(first.vulnIdFromTool).isEqualTo("javascript/XSS");
        assertThat(first.uniqueIdFromTool).isEqualTo("041274fc0869f892f98d45c0bd6903f2cfad48bc93a806c69ccfdb2c86f32781");
        assertThat(first.references).isNull();
        assertThat(first.date).isNull();
        assertThat(first.staticFinding).isTrue();
        assertThat(first.dynamicFinding).isFalse();
        assertThat(first.tags).containsExactlyInAnyOrder("Taint", "SourceNetworkRequest", "javascript", "XSS", "Security");
        assertThat(first.description).isEqualTo("**ruleId**: javascript/XSS\n**ruleIndex**: 0\n"
                + "**message**: Unsanitized input from data from a remote resource flows into bypassSecurityTrustHtml,"
                + " where it is used to render an HTML page returned to the user. This may result in a Cross-Site "
                + "Scripting attack (XSS).\n**score**: 504\n**isAutofixable**: False\n"
                + "**uri**: frontend/src/app/score-board/score-board.component.ts\n**uriBaseId**: %SRCROOT%\n"
                + "**startLine**: 216\n**endLine**: 216\n**startColumn**: 44\n**endColumn**: 67");
        assertThat(first.hashCode).isEqualTo("db3e8da92342b108621f13bcc3738f530d91b91960f8ef35678c4c4c2b3bd8b3");
    }

    @Test
    void shouldTakeTheLastRuleCweAndKeepThemAll() throws ParseException {
        Finding finding = CorpusFiles.parse(SNYK_CODE, "snyk_code/snykcode_issue_9270.json").get(22);

        assertThat(finding.title).isEqualTo("javascript/NoHardcodedPasswords_frontend/src/app/oauth/oauth.component.spec.ts");
        assertThat(finding.cwe).isEqualTo(259);
        assertThat(finding.cwes).containsExactly(798, 259);
        assertThat(finding.hashCode).isEqualTo("239515f20ec35c2862aa4f615f54ed0e446114fb432ad0418744e170e64711a3");
    }

    @Test
    void shouldMapThePriorityScoreToTheSeverity() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SNYK_CODE, "snyk_code/snykcode_issue_9270.json");

        assertThat(findings).extracting(f -> f.severity).containsOnly("Low", "Medium", "High");
        assertThat(findings).filteredOn(f -> f.description.contains("**score**: 504")).allMatch(f -> f.severity.equals("Medium"));
    }

    @Test
    void shouldReadSuppressionsFingerprintsAndInvocationDates() throws ParseException {
        String sarif = """
                {"runs": [{"results": [
                   {"ruleId": "js/x", "properties": {"priorityScore": 950, "isAutofixable": true},
                    "suppressions": [{"kind": "inSource"}],
                    "partialFingerprints": {"b/v1": "old", "b/v2": "new", "a": "one"},
                    "message": {"text": "m"}},
                   {"ruleId": "js/y", "kind": "pass", "message": {"text": "ok"}}],
                  "tool": {"driver": {"rules": [{"id": "js/x", "helpUri": "https://snyk.io/x",
                    "properties": {"cwe": "CWE-89", "tags": ["external/cwe/cwe-89", "js"]}}]}},
                  "invocations": [{"endTimeUtc": "2024-03-01T10:20:30Z"}]}]}
                """;

        List<Finding> findings = parse(sarif);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("js/x");
        assertThat(finding.severity).isEqualTo("Critical");
        assertThat(finding.falseP).isTrue();
        assertThat(finding.active).isFalse();
        assertThat(finding.uniqueIdFromTool).isEqualTo("a:one|b:new");
        assertThat(finding.references).isEqualTo("https://snyk.io/x");
        assertThat(finding.cwe).isEqualTo(89);
        assertThat(finding.tags).containsExactly("cwe-89", "js");
        assertThat(finding.date).isEqualTo("2024-03-01T10:20:30+00:00");
        assertThat(finding.description).isEqualTo("**ruleId**: js/x\n**ruleIndex**: \n**message**: m\n**score**: 950\n"
                + "**isAutofixable**: True");
    }

    @Test
    void shouldRejectMalformedJson() {
        assertThatThrownBy(() -> parse("{\"runs\": [{\"results\": [{\"ruleId\": "))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Invalid Snyk Code SARIF report at line 1");
        assertThatThrownBy(() -> parse("[]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a SARIF log object");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(SNYK_CODE));
    }
}
