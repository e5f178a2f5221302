package io.findingflow.parsers.checkov;

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

class CheckovParserTest {

    private static final String CHECKOV = "Checkov Scan";

    @Test
    void shouldReadFailedChecksOfOneFramework() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(CHECKOV, "checkov/checkov-report-1-vuln.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Ensure the key vault is recoverable");
        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.description)
                .isEqualTo("Check Type: terraform\nCheck Id: CKV_AZURE_42\nEnsure the key vault is recoverable\n");
        assertThat(finding.references).isEqualTo("https://docs.bridgecrew.io/docs/ensure-the-key-vault-is-recoverable");
        assertThat(finding.mitigation).isEmpty();
        assertThat(finding.filePath).isEqualTo("file_path");
        assertThat(finding.line).isEqualTo(1);
        assertThat(finding.componentName).isEqualTo("azurerm_key_vault.main");
        assertThat(finding.cwe).isZero();
        assertThat(finding.staticFinding).isTrue();
        assertThat(finding.hashCode).isEqualTo("6fcedc10b4e48b36f05648cf5c60fac932a9934e545916538f41e28993d76cb9");
    }

    @Test
    void shouldReadSeveritiesAndBenchmarks() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(CHECKOV, "checkov/checkov-report-severity.json");

        assertThat(findings).extracting(f -> f.severity).containsExactly("Medium", "Medium", "Low", "High");
        Finding last = findings.get(3);
        assertThat(last.description).endsWith("publicly accessible\n\nNone\n");
        assertThat(last.mitigation).isEqualTo("\nBenchmarks:\n- ISO27001 # A.8.2.3 : Disciplinary process\n"
                + "- ISO27001 # A.14.1.3 : Protecting application service transactions\n"
                + "- CIS GCP V1.1 # 5.1 : Ensure that Cloud Storage bucket is not anonymously or publicly accessible\n");
        assertThat(last.line).isEqualTo(17);
        assertThat(last.hashCode).isEqualTo("7c3b9d4af4cb4b11304563f0c5c7124b6e43be2aed132bfd18b1b459f1d81660");
        assertThat(findings.get(1).mitigation).isEmpty();
    }

    @Test
    void shouldReadAListOfFrameworksWhateverTheKeyOrder() throws ParseException {
        String report = """
                [{"results": {"failed_checks": [{"check_id": "CKV_1", "check_name": "one", "severity": null}]},
                  "check_type": "dockerfile"},
                 {"check_type": "kubernetes", "results": {"failed_checks": [
                   {"check_id": "CKV_2", "resource": "Pod.default.x", "severity": "CRITICAL"}]}},
                 {"check_type": "helm", "results": {"passed_checks": [{"check_id": "CKV_3"}]}}]
                """;

        List<Finding> findings = parse(report);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0).description).isEqualTo("Check Type: dockerfile\nCheck Id: CKV_1\none\n");
        assertThat(findings.get(0).severity).isEqualTo("Medium");
        assertThat(findings.get(1).title).isEqualTo("check_name not found");
        assertThat(findings.get(1).severity).isEqualTo("Critical");
        assertThat(findings.get(1).filePath).isNull();
        assertThat(findings.get(1).line).isNull();
        assertThat(findings.get(1).references).isEqualTo("");
    }

    @Test
    void shouldFindNothingInASummaryOnlyReport() throws ParseException {
        assertThat(CorpusFiles.parse(CHECKOV, "checkov/checkov2-report-0-vuln.json")).isEmpty();
    }

    @Test
    void shouldRejectMalformedJson() {
        assertThatThrownBy(() -> parse("{\"check_type\": \"terraform\", \"results\": {\"failed_checks\": [{"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Invalid Checkov report at line 1");
        assertThatThrownBy(() -> parse("\"just text\""))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a report object");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(CHECKOV));
    }
}
