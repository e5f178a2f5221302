package io.findingflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FindingRecordTest {

    private static Finding finding() {
        Finding f = new Finding();
        f.title = "Ünïcode \"title\" 😀";
        f.severity = "Critical";
        f.date = "2024-03-01T10:00:00+02:00";
        f.hashCode = "abc";
        f.uniqueIdFromTool = "";
        f.cwe = 79;
        f.componentName = "lib";
        f.filePath = null;
        f.active = false;
        f.verified = true;
        f.falseP = true;
        f.outOfScope = false;
        f.isMitigated = true;
        f.mitigated = "2024-03-02T00:00:00Z";
        return f;
    }

    @Test
    void shouldReadBackEveryFieldAndTheJsonAsWritten() throws Exception {
        Finding f = finding();
        byte[] json = Json.mapper().writeValueAsBytes(f);
        byte[] record = FindingRecord.record(FindingRecord.prefix("import-é", 1L << 40),
                FindingRecord.findingPart(f, json));

        assertThat(FindingRecord.isCompact(record)).isTrue();
        assertThat(FindingRecord.isCompact(Json.mapper().writeValueAsBytes(ImportEvent.end("i", 1)))).isFalse();
        FindingRecord.Decoded d = FindingRecord.read(record);
        assertThat(d.importId()).isEqualTo("import-é");
        assertThat(d.productId()).isEqualTo(1L << 40);
        assertThat(d.title()).isEqualTo(f.title);
        assertThat(d.severity()).isEqualTo("Critical");
        assertThat(d.date()).isEqualTo(f.date);
        assertThat(d.hashCodeText()).isEqualTo("abc");
        assertThat(d.uniqueIdFromTool()).isEmpty();
        assertThat(d.cwe()).isEqualTo(79);
        assertThat(d.componentName()).isEqualTo("lib");
        assertThat(d.filePath()).isNull();
        assertThat(d.active()).isFalse();
        assertThat(d.verified()).isTrue();
        assertThat(d.falseP()).isTrue();
        assertThat(d.outOfScope()).isFalse();
        assertThat(d.riskAccepted()).isFalse();
        assertThat(d.isMitigated()).isTrue();
        assertThat(d.mitigated()).isEqualTo(f.mitigated);
        assertThat(d.json()).isEqualTo(json);
        assertThat(FindingRecord.header(record)).isEqualTo(new FindingRecord.Header("import-é", 1L << 40));
    }

    @Test
    void shouldWriteTheDefaultsTheJsonReadGaveForMissingValues() {
        Finding f = new Finding();
        f.severity = null;
        f.cwe = null;
        FindingRecord.Decoded d = FindingRecord.read(FindingRecord.record(FindingRecord.prefix("i", 1),
                FindingRecord.findingPart(f, "{}".getBytes(StandardCharsets.UTF_8))));
        assertThat(d.severity()).isEqualTo("Info");
        assertThat(d.cwe()).isZero();
        assertThat(d.title()).isNull();
        assertThat(d.active()).isTrue();
        assertThat(new String(d.json(), StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void shouldRefuseTruncatedRecords() throws Exception {
        byte[] record = FindingRecord.record(FindingRecord.prefix("i", 1),
                FindingRecord.findingPart(finding(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        for (int cut = 1; cut < record.length; cut++) {
            byte[] truncated = Arrays.copyOf(record, cut);
            assertThatThrownBy(() -> FindingRecord.read(truncated)).as("cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> FindingRecord.header(truncated)).as("header, cut at %d", cut)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> FindingRecord.read("{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
