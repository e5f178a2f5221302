package io.findingflow.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.Finding;
import io.findingflow.schemas.FindingRecord;
import io.findingflow.schemas.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spooled findings framed as compact records: their fields and the JSON Jackson wrote. */
class FindingRecordFrameTest {

    @TempDir
    Path dir;

    private static Finding finding(String title) {
        Finding f = new Finding();
        f.title = title;
        f.severity = "High";
        f.description = "line one\nline \"two\" \\ \u0001 ünïcode 😀 </script>";
        f.cwe = 79;
        f.cvssv3Score = 9.8;
        f.epssScore = 0.000123;
        f.references = Map.of("urls", List.of("https://example.org/a?b=c&d"));
        f.hashCode = "abc";
        return f;
    }

    @Test
    void shouldFrameEachSpooledFindingAsACompactRecordOfItsFieldsAndJacksonsJson() throws Exception {
        List<Finding> findings = List.of(finding("first"), finding(""), new Finding());
        for (String importId : List.of("0b7a5f7e-8d1c-4a57-9d43-3f0f6a2d5d11", "odd \"id\" é")) {
            FindingRecordFrame frame = new FindingRecordFrame(importId, 123456789L);
            List<byte[]> framed = new ArrayList<>();
            try (FindingSpool spool = new FindingSpool(dir)) {
                for (Finding f : findings) {
                    spool.add(FindingRecord.findingPart(f, Json.mapper().writeValueAsBytes(f)));
                }
                assertThat(spool.count()).isEqualTo(3);
                spool.forEach(part -> framed.add(frame.around(part)));
            }
            assertThat(framed).hasSize(3);
            for (int i = 0; i < findings.size(); i++) {
                FindingRecord.Decoded record = FindingRecord.read(framed.get(i));
                assertThat(record.importId()).isEqualTo(importId);
                assertThat(record.productId()).isEqualTo(123456789L);
                assertThat(record.title()).isEqualTo(findings.get(i).title);
                assertThat(record.hashCodeText()).isEqualTo(findings.get(i).hashCode);
                // the body: the bytes Jackson writes for the finding, as in the JSON record before
                assertThat(record.json()).isEqualTo(Json.mapper().writeValueAsBytes(findings.get(i)));
            }
        }
    }

    @Test
    void shouldDeleteTheSpoolFileOnClose() throws Exception {
        try (FindingSpool spool = new FindingSpool(dir)) {
            spool.add(new byte[0]);
            List<Integer> lengths = new ArrayList<>();
            spool.forEach(json -> lengths.add(json.length));
            assertThat(lengths).containsExactly(0);
        }
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
