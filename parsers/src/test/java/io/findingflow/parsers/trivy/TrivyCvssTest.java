package io.findingflow.parsers.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrivyCvssTest {

    @Test
    void shouldReadScoresAsTheJsonNumbersTheyAre() throws Exception {
        List<Finding> findings = parse(vulnerability("\"V3Vector\": \"not a vector\", \"V3Score\": -0")
                + "," + vulnerability("\"V3Score\": -0.0") + "," + vulnerability("\"V3Score\": 12345678901234567890123")
                + "," + vulnerability("\"V40Score\": 1E1, \"V3Score\": 7.50"));

        assertThat(findings).extracting(finding -> finding.cvssv3Score)
                .containsExactly(0.0, -0.0, 1.2345678901234568E22, 7.5);
        // the integer -0 is 0.0 (Double.compare tells the two zeros apart, == does not)
        assertThat(Double.compare(findings.get(0).cvssv3Score, 0.0)).isZero();
        assertThat(Double.compare(findings.get(1).cvssv3Score, -0.0)).isZero();
        assertThat(findings.get(3).cvssv4Score).isEqualTo(10.0);
        assertThat(findings.get(3).severity).isEqualTo("Critical");
    }

    @Test
    void shouldPreferTheSeveritySourceBlockAndSkipNullOnes() throws Exception {
        List<Finding> findings = parse("{\"PkgName\": \"p\", \"SeveritySource\": \"redhat\", \"CVSS\": {"
                + "\"redhat\": null, \"ghsa\": {\"V3Score\": 2.0}, \"nvd\": {\"V3Score\": 9.5}}},"
                + "{\"PkgName\": \"p\", \"SeveritySource\": \"redhat\", \"CVSS\": {\"redhat\": \"text\", "
                + "\"nvd\": {\"V3Score\": 9.5}}}");

        assertThat(findings.get(0).cvssv3Score).isEqualTo(9.5);
        assertThat(findings.get(0).severity).isEqualTo("Critical");
        assertThat(findings.get(1).cvssv3Score).isNull();
        assertThat(findings.get(1).severity).isEqualTo("Info");
    }

    private static String vulnerability(String nvd) {
        return "{\"VulnerabilityID\": \"CVE-1\", \"PkgName\": \"p\", \"CVSS\": {\"nvd\": {" + nvd + "}}}";
    }

    private static List<Finding> parse(String vulnerabilities) throws Exception {
        String report = "{\"SchemaVersion\": 2, \"Results\": [{\"Target\": \"t\", \"Class\": \"os-pkgs\", "
                + "\"Vulnerabilities\": [" + vulnerabilities + "]}]}";
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of("Trivy Scan"));
    }
}
