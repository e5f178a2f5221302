package io.findingflow.parsers.zap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.ReqResp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZapParserTest {

    private static final String SCAN_TYPE = "ZAP Scan";

    @Test
    void shouldReadAlertsWithTheirInstancesAsEndpoints() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SCAN_TYPE, "zap/dvwa_baseline_dojo.xml");

        assertThat(findings).hasSize(19);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("X-Frame-Options Header Not Set");
        assertThat(first.severity).isEqualTo("Medium");
        assertThat(first.vulnIdFromTool).isEqualTo("10020");
        assertThat(first.cwe).isEqualTo(16);
        assertThat(first.scannerConfidence).isEqualTo(4);
        assertThat(first.dynamicFinding).isTrue();
        assertThat(first.staticFinding).isFalse();
        assertThat(first.endpoints).hasSize(11);
        assertThat(first.endpoints.get(0)).isEqualTo(new Endpoint("http", "172.17.0.2", 80, "vulnerabilities/brute/", "", ""));
        assertThat(first.references).isEqualTo("https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Frame-Options\n\n");
        assertThat(first.hashCode).isEqualTo("03bed04cbe40fed3d15557fe99f2c576ce053638a5b0590a2351dfcca853099b");
        Finding last = findings.get(18);
        assertThat(last.title).isEqualTo("Private IP Disclosure");
        assertThat(last.severity).isEqualTo("Low");
        assertThat(last.endpoints).hasSize(3);
    }

    @Test
    void shouldSummariseTheAttackWhenTheReportHasNoTraffic() throws ParseException {
        Finding first = CorpusFiles.parse(SCAN_TYPE, "zap/dvwa_baseline_dojo.xml").get(0);

        assertThat(first.reqResp.get(9)).isEqualTo(new ReqResp("Method:           GET \nParam:            X-Frame-Options "
                + "\nAttack:           None \nEndpointQuery:    page=include.php \nEndpointFragment: ", "None"));
        assertThat(first.endpoints.get(9).query()).isEmpty();
    }

    @Test
    void shouldRenderHtmlTextsAsWrappedMarkdown() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SCAN_TYPE, "zap/zap-results-first-scan.xml");

        assertThat(findings).hasSize(15);
        assertThat(findings.get(0).description).isEqualTo("This check looks at user-supplied input in query string "
                + "parameters and POST\ndata to identify where certain HTML attribute values might be controlled. This\n"
                + "provides hot-spot detection for XSS (cross-site scripting) that will require\nfurther review by a "
                + "security analyst to determine exploitability.\n\n");
        assertThat(findings.get(0).scannerConfidence).isNull();
        assertThat(findings.get(0).references).isEqualTo(
                "http://websecuritytool.codeplex.com/wikipage?title=Checks#user-controlled-\nhtml-attribute\n\n");
        Finding pii = findings.get(14);
        assertThat(pii.title).isEqualTo("PII Disclosure");
        assertThat(pii.severity).isEqualTo("High");
        assertThat(pii.cwe).isEqualTo(359);
        assertThat(pii.endpoints).extracting(Endpoint::path).containsExactly("bodgeit/contact.jsp");
    }

    @Test
    void shouldTakeRequestsAndResponsesFromReportsThatCarryThem() throws ParseException {
        String report = "<OWASPZAPReport version=\"2.16.1\"><site name=\"https://example.com\"><alerts><alertitem>"
                + "<pluginid>10049</pluginid><alert>Non-Storable Content</alert><riskcode>0</riskcode>"
                + "<desc>&lt;p&gt;Not storable.&lt;/p&gt;</desc><instances><instance>"
                + "<uri>https://example.com/api/health?x=1#top</uri><method>GET</method>"
                + "<requestheader>GET /api/health HTTP/1.1\nhost: example.com\n</requestheader>"
                + "<responseheader>HTTP/1.1 204 No Content\n</responseheader><responsebody/></instance></instances>"
                + "<solution>Fix it.</solution><reference></reference><cweid>-1</cweid></alertitem>"
                + "</alerts></site></OWASPZAPReport>";

        Finding finding = parse(report).get(0);

        assertThat(finding.reqResp).containsExactly(
                new ReqResp("GET /api/health HTTP/1.1\nhost: example.com\n", "HTTP/1.1 204 No Content\n"));
        assertThat(finding.endpoints).containsExactly(new Endpoint("https", "example.com", 443, "api/health", "", ""));
        assertThat(finding.severity).isEqualTo("Info");
        assertThat(finding.cwe).isEqualTo(0);
        assertThat(finding.description).isEqualTo("Not storable.\n\n");
        assertThat(finding.references).isEqualTo("\n\n");
    }

    @Test
    void shouldConvertHtmlLikeHtml2text() {
        assertThat(HtmlToMarkdown.convert("<ul><li>one</li><li>two <a href='http://x.com/a'>link</a></li></ul>"))
                .isEqualTo("  * one\n  * two [link](http://x.com/a)\n\n");
        assertThat(HtmlToMarkdown.convert("<p>See <a href=\"http://example.com\">http://example.com</a> now</p>"))
                .isEqualTo("See <http://example.com> now\n\n");
        assertThat(HtmlToMarkdown.convert("&amp; &lt;tag&gt; &nbsp;x &#39;q&#39; &eacute;t&eacute; &copy; &unknown;"))
                .isEqualTo("& <tag>  x 'q' ete (C) &unknown;\n\n");
        assertThat(HtmlToMarkdown.convert("1. not a list\n- dash")).isEqualTo("1\\. not a list \\- dash\n\n");
        assertThat(HtmlToMarkdown.convert("<pre>code\n  indented</pre>")).isEqualTo("\n    code\n      indented\n\n");
        assertThat(HtmlToMarkdown.convert("<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>"))
                .isEqualTo("A| B  \n---|---  \n1| 2\n\n");
    }

    @Test
    void shouldRejectMalformedXmlWithItsPosition() {
        assertThatThrownBy(() -> parse("<OWASPZAPReport><site><alerts><alertitem><alert>x</alert>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("ZAP XML")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldRejectAnotherXmlFormat() {
        assertThatThrownBy(() -> parse("<analysis/>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("<OWASPZAPReport>");
    }

    @Test
    void shouldRefuseDocumentTypeDeclarations() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<OWASPZAPReport>&e;</OWASPZAPReport>"))
                .isInstanceOf(ParseException.class);
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(SCAN_TYPE));
    }
}
