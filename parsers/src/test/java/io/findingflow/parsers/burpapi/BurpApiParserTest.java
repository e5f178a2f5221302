package io.findingflow.parsers.burpapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BurpApiParserTest {

    private static final String BURP = "Burp REST API";

    @Test
    void shouldReadIssueFoundEvents() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(BURP, "burp_api/example.json");

        assertThat(findings).hasSize(5);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("TLS cookie without secure flag set");
        assertThat(first.severity).isEqualTo("Info");
        assertThat(first.uniqueIdFromTool).isEqualTo("5605602767570803712");
        assertThat(first.vulnIdFromTool).isEqualTo("5243392");
        assertThat(first.scannerConfidence).isEqualTo(2);
        assertThat(first.impact).isEqualTo("No impact provided");
        assertThat(first.mitigation).isEqualTo("No mitigation provided");
        assertThat(first.references).isEqualTo("No references provided");
        assertThat(first.dynamicFinding).isTrue();
        assertThat(first.staticFinding).isFalse();
        assertThat(first.description).startsWith("**TLS cookie without secure flag set**\n"
                + "**Serial Number**: 5605602767570803712\n**Type Index**: 5243392\n**Confidence**: certain\n"
                + "**Description**: The following cookie was issued by the application");
        assertThat(first.endpoints).containsExactly(new Endpoint("https", "whitespots.io", 443, "build-ssdlc", "", ""));
        assertThat(first.reqResp).singleElement().satisfies(pair -> {
            assertThat(pair.req()).startsWith("GET /build-ssdlc HTTP/1.1\r\nHost: whitespots.io\r\n");
            assertThat(pair.resp()).contains("\n\n------------------------------------------------------------------\n\n")
                    .endsWith("<hr><cent\n<...> (37 bytes)");
        });
        assertThat(first.hashCode).isEqualTo("1f2d6a0b244d9f3c808be42532b07a7bf4670d22381131628e429ed2f7f0fb50");
        assertThat(findings.get(1).hashCode).isEqualTo("aeeb226e3cc66a52da0d3b00f148d061b977f4fe886d2e2c8211a708b4cb80ca");
    }

    @Test
    void shouldFallBackToLatin1ForBinaryResponses() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(BURP, "burp_api/fix_issue_9128.json");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity).isEqualTo("Low");
            assertThat(finding.scannerConfidence).isEqualTo(3);
            assertThat(finding.reqResp.get(0).resp())
                    .startsWith("Decoding of the DataSegment failed. Thus, decoded with `latin1`.");
            assertThat(finding.hashCode).isEqualTo("1c85986b0d3c32cf66bab2ca6552d8e94d5a8a455ef77df19754250a1352f36d");
        });
    }

    @Test
    void shouldMarkFalsePositivesAndDefaultMissingFields() throws ParseException {
        List<Finding> findings = parse("{\"issue_events\": ["
                + "{\"type\": \"issue_found\", \"issue\": {\"severity\": \"false_positive\", \"confidence\": \"tentative\"}},"
                + "{\"type\": \"issue_found\", \"issue\": {\"name\": \"x\", \"severity\": \"HIGH\", \"serial_number\": 12}},"
                + "{\"type\": \"audit_started\", \"issue\": {\"name\": \"ignored\"}},"
                + "{\"type\": \"issue_found\"}]}");

        assertThat(findings).hasSize(2);
        Finding unnamed = findings.get(0);
        assertThat(unnamed.title).isEqualTo("Burp issue");
        assertThat(unnamed.severity).isEqualTo("Info");
        assertThat(unnamed.falseP).isTrue();
        assertThat(unnamed.scannerConfidence).isEqualTo(6);
        assertThat(unnamed.uniqueIdFromTool).isEmpty();
        assertThat(unnamed.description).isEqualTo("**Burp issue**\n**Serial Number**: <None>\n**Type Index**: <None>\n"
                + "**Confidence**: tentative\n**Description**: <None>\n");
        assertThat(unnamed.endpoints).isEmpty();
        assertThat(findings.get(1).severity).isEqualTo("High");
        assertThat(findings.get(1).uniqueIdFromTool).isEqualTo("12");
        assertThat(findings.get(1).scannerConfidence).isNull();
    }

    @Test
    void shouldRejectUnknownEvidenceSegments() {
        String data = Base64.getEncoder().encodeToString("GET / HTTP/1.1".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> parse("{\"issue_events\": [{\"type\": \"issue_found\", \"issue\": {\"evidence\": ["
                        + "{\"type\": \"FirstOrderEvidence\", \"request_response\": {\"request\": ["
                        + "{\"type\": \"DataSegment\", \"data\": \"" + data + "\"}, {\"type\": \"Mystery\"}]}}]}}]}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unknown segment type in Burp data Mystery");
    }

    @Test
    void shouldRejectMalformedJson() {
        assertThatThrownBy(() -> parse("{\"issue_events\": [{\"type\": \"issue_found\", "))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid Burp REST API report at line 1");
    }

    @Test
    void shouldRejectAJsonArray() {
        assertThatThrownBy(() -> parse("[]"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("expected a JSON object");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(BURP));
    }
}
