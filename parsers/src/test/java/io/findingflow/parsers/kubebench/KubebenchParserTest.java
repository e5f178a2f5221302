package io.findingflow.parsers.kubebench;

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

class KubebenchParserTest {

    private static final String KUBE_BENCH = "kube-bench Scan";

    @Test
    void shouldReadControlsObject() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(KUBE_BENCH, "kubebench/kube-bench-controls.json");

        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("1.1.1 - Ensure that the API server pod specification file permissions "
                + "are set to 644 or more restrictive (Automated)");
        assertThat(first.vulnIdFromTool).isEqualTo("1.1.1");
        assertThat(first.severity).isEqualTo("Medium");
        assertThat(first.staticFinding).isTrue();
        assertThat(first.mitigation).startsWith("Run the below command");
        assertThat(first.description).startsWith("1 Master Node Security Configuration\n1.1 Master Node Configuration Files\n");
        Map<String, Long> bySeverity = findings.stream()
                .collect(Collectors.groupingBy(f -> f.severity, Collectors.counting()));
        assertThat(bySeverity).containsEntry("Medium", 36L).containsEntry("Info", 20L);
        assertThat(first.hashCode).isEqualTo("49b1a292c821f668f1901a0f2fedee30a4dd51bafb1b54049f8f8108edacacbb");
    }

    @Test
    void shouldReadListOfChapters() throws ParseException {
        assertThat(CorpusFiles.parse(KUBE_BENCH, "kubebench/kube-bench-report-many-vuln.json")).hasSize(4);
        Finding only = CorpusFiles.parse(KUBE_BENCH, "kubebench/kube-bench-report-one-vuln.json").get(0);
        assertThat(only.vulnIdFromTool).isEqualTo("4.2.11");
        assertThat(only.description).contains("\nAudit: /bin/ps -fC kubelet\n\nExpected result: ");
    }

    @Test
    void shouldDropPassesAndManualWarnings() throws ParseException {
        String result = "{\"test_number\":\"%s\",\"test_desc\":\"d\",\"status\":\"%s\",\"reason\":\"%s\"}";
        String report = "[{\"id\":\"1\",\"text\":\"t\",\"tests\":[{\"section\":\"1.1\",\"desc\":\"s\",\"results\":["
                + String.format(result, "1.1.1", "PASS", "") + ","
                + String.format(result, "1.1.2", "WARN", "Test marked as a manual test") + ","
                + String.format(result, "1.1.3", "warn", "something") + ","
                + "{\"status\":null}]}]}]";

        List<Finding> findings = parse(report);

        assertThat(findings).extracting(Function.identity()).hasSize(1);
        assertThat(findings.get(0).severity).isEqualTo("Info");
        assertThat(findings.get(0).description).isEqualTo("1 t\n1.1 s\n1.1.3 d\nReason: something\n");
    }

    @Test
    void shouldRejectChapterWithoutTests() {
        assertThatThrownBy(() -> parse("{\"Controls\": [{\"id\": \"1\"}]}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("\"tests\" is missing");
    }

    @Test
    void shouldRejectTruncatedReport() {
        assertThatThrownBy(() -> parse("{\"Controls\": [{\"id\": "))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("Invalid kube-bench report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard()
                .parseAll(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(KUBE_BENCH));
    }
}
