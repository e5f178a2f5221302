package io.findingflow.parsers.checkmarx;

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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckmarxParserTest {

    private static final String AGGREGATED = "Checkmarx Scan";
    private static final String DETAILED = "Checkmarx Scan detailed";

    @Test
    void shouldAggregateTheSingleXmlResultPerSinkFile() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "checkmarx/single_finding.xml");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Stored XSS (Users.java)");
        assertThat(finding.severity).isEqualTo("High");
        assertThat(finding.cwe).isEqualTo(79);
        assertThat(finding.filePath)
                .isEqualTo("WebGoat/webgoat-lessons/missing-function-ac/src/main/java/org/owasp/webgoat/plugin/Users.java");
        assertThat(finding.line).isNull();
        assertThat(finding.date).isEqualTo("2018-02-25");
        assertThat(finding.nbOccurences).isEqualTo(1);
        assertThat(finding.vulnIdFromTool).isEqualTo("595");
        assertThat(finding.uniqueIdFromTool).isNull();
        assertThat(finding.staticFinding).isTrue();
        assertThat(finding.description)
                .startsWith("**Category:** PCI DSS v3.2;")
                .contains("**Language:** Java\n**Group:** Java High Risk\n**Status:** New\n")
                .endsWith("<b>Sink file: </b>WebGoat/webgoat-lessons/missing-function-ac/src/main/java/org/owasp/"
                        + "webgoat/plugin/Users.java (line 58)\n<b>Sink object: </b> allUsersMap");
        assertThat(finding.hashCode).isEqualTo("3a62dc417327ef8df1bb521c880b1dab74dd926bb054fe8bd156878f2df0a0fb");
    }

    @Test
    void shouldImportEveryPathInDetailedMode() throws ParseException {
        Finding finding = CorpusFiles.parse(DETAILED, "checkmarx/single_finding.xml").get(0);

        assertThat(finding.title).isEqualTo("Stored XSS (Users.java)");
        assertThat(finding.line).isEqualTo(58);
        assertThat(finding.uniqueIdFromTool).isEqualTo("157422106028");
        assertThat(finding.vulnIdFromTool).isEqualTo("595");
        assertThat(finding.sastSourceObject).isEqualTo("executeQuery");
        assertThat(finding.sastSinkObject).isEqualTo("allUsersMap");
        assertThat(finding.sastSourceLine).isEqualTo(39);
        assertThat(finding.sastSourceFilePath).endsWith("/plugin/Users.java");
        assertThat(finding.nbOccurences).isNull();
        assertThat(finding.description).contains("-----\n**Line Number:** 39\n**Column:** 59\n**Source Object:** "
                + "executeQuery\n**Number:** 39\n**Code:** ResultSet results = statement.executeQuery(query);\n-----\n");
        assertThat(finding.hashCode).isEqualTo("2c4a387f73fafee18f2b71ab17b80c6b31c5fe36b34bfbbeca2aef16d4795bb2");
    }

    @Test
    void shouldMergeResultsOfOneSinkFileAndCountThem() throws ParseException {
        List<Finding> aggregated = CorpusFiles.parse(AGGREGATED,
                "checkmarx/multiple_findings_different_sourceFilename_same_sinkFilename.xml");
        List<Finding> detailed = CorpusFiles.parse(DETAILED,
                "checkmarx/multiple_findings_different_sourceFilename_same_sinkFilename.xml");

        assertThat(aggregated).hasSize(1);
        assertThat(aggregated.get(0).nbOccurences).isEqualTo(2);
        assertThat(aggregated.get(0).description).startsWith("### 1. ").contains("\n\n-----\n### 2. ");
        assertThat(detailed).hasSize(2);
    }

    @Test
    void shouldJoinTheDistinctQueryIdsOfAnAggregate() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "checkmarx/multiple_findings_same_query_id.xml");

        assertThat(findings).hasSize(6);
        assertThat(findings).extracting(f -> f.severity).contains("Information");
        assertThat(findings.get(0).vulnIdFromTool).doesNotContain(",,");
    }

    @Test
    void shouldHashTheSanitizedSeverityButKeepTheReportedOne() throws ParseException {
        Finding information = CorpusFiles.parse(AGGREGATED, "checkmarx/multiple_findings_same_query_id.xml").stream()
                .filter(f -> "Information".equals(f.severity))
                .findFirst()
                .orElseThrow();

        assertThat(information.hashCode).isEqualTo("a62db17123dce4701cf7673822b2138b753e21ec83a7f304fe82d25f73b7ba21");
    }

    @Test
    void shouldFoldNonAsciiFileNamesLikePythonForTheHash() throws ParseException {
        Finding finding = CorpusFiles.parse(AGGREGATED, "checkmarx/utf8_various_non_ascii_char.xml").get(0);

        assertThat(finding.hashCode).isEqualTo("ac37aaec4edfd838fadf7a984db90d91db82efabcde311c0ecc892dff7c36cd8");
    }

    @Test
    void shouldReadTheJsonReportWhateverTheMode() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "checkmarx/multiple_findings.json");
        List<Finding> detailed = CorpusFiles.parse(DETAILED, "checkmarx/multiple_findings.json");

        assertThat(findings).hasSize(10).hasSameSizeAs(detailed);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("SQL Injection");
        assertThat(first.severity).isEqualTo("High");
        assertThat(first.cwe).isEqualTo(89);
        assertThat(first.line).isEqualTo(70);
        assertThat(first.date).isEqualTo("2022-02-25");
        assertThat(first.uniqueIdFromTool).isEqualTo("/oiUUpBjigtUpTb1+haL9nypVaQ=");
        assertThat(first.tags).containsExactly("sast");
        assertThat(first.verified).isTrue();
    }

    @Test
    void shouldImportSastScaAndKicsResultsOfTheJsonReport() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AGGREGATED, "checkmarx/sample_report.json");

        Map<String, Long> byType = findings.stream()
                .collect(Collectors.groupingBy(f -> f.tags.get(0), Collectors.counting()));
        assertThat(byType).containsExactlyInAnyOrderEntriesOf(Map.of("sast", 669L, "sca", 117L, "kics", 31L));
        Map<String, Finding> byId = findings.stream()
                .collect(Collectors.toMap(f -> f.uniqueIdFromTool, Function.identity(), (a, b) -> b));
        Finding sca = byId.get("GkVx1zoIKcd1EF72zqWrGzeVTmo=");
        assertThat(sca.title).isEqualTo("underscore:1.10.2 | CVE-2021-23358");
        assertThat(sca.componentName).isEqualTo("underscore");
        assertThat(sca.cwe).isEqualTo(94);
        assertThat(sca.vulnerabilityIds).containsExactly("CVE-2021-23358");
        Finding kics = byId.get("eZrh18HAPbe2LbDAprSPrwncAC0=");
        assertThat(kics.title).isEqualTo("Dockerfile | IncorrectValue");
        assertThat(kics.severity).isEqualTo("Info");
        assertThat(kics.filePath).isEqualTo("/webgoat-server/Dockerfile");
        assertThat(kics.severityJustification).isEqualTo("After using apt-get install, the apt-get lists were not deleted");
        assertThat(kics.tags).containsExactly("kics", "Dockerfile");
    }

    @Test
    void shouldRejectTruncatedXmlWithItsPosition() {
        assertThatThrownBy(() -> parse(AGGREGATED, "<CxXMLResults ScanStart=\"2018-02-25\"><Query name=\"x\" cweId=\"1\">"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Checkmarx XML")
                .hasMessageContaining("line 1");
    }

    @Test
    void shouldRejectTruncatedJson() {
        assertThatThrownBy(() -> parse(AGGREGATED, "{\"scanResults\": {\"sast\": {\"languages\": [ {\"queries\": ["))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Checkmarx JSON");
    }

    @Test
    void shouldRejectXmlOfAnotherTool() {
        assertThatThrownBy(() -> parse(DETAILED, "<OWASPZAPReport version=\"2.9.0\"/>"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("<CxXMLResults>");
    }

    @Test
    void shouldRejectAQueryWithoutANumericCwe() {
        String report = "<CxXMLResults ScanStart=\"Sunday, February 25, 2018 11:35:52 AM\">"
                + "<Query name=\"Q\" cweId=\"\"><Result Severity=\"High\"><Path PathId=\"1\" SimilarityId=\"2\">"
                + "<PathNode><FileName>a.java</FileName><Line>1</Line><Column>1</Column><NodeId>1</NodeId>"
                + "<Name>n</Name></PathNode></Path></Result></Query></CxXMLResults>";

        assertThatThrownBy(() -> parse(AGGREGATED, report))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("cweId");
    }

    private static List<Finding> parse(String scanType, String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(scanType));
    }
}
