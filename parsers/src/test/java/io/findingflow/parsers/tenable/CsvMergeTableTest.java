package io.findingflow.parsers.tenable;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvMergeTableTest {

    @Test
    void shouldHashAsTheJoinedKey() {
        String[] key = {"High", "Title", "10.0.0.1", "443", "x".repeat(5000)};
        assertThat(CsvMergeTable.hash(key)).isEqualTo(String.join("", key).hashCode());
        assertThat(CsvMergeTable.hash(new String[] {"", "", ""})).isEqualTo("".hashCode());
    }

    /** DefectDojo concatenates the key's parts: host 10.0.0.1 port 22 is host 10.0.0.12 port 2. */
    @Test
    void shouldMergeKeysWhosePartsJoinToTheSameText() {
        CsvMergeTable table = new CsvMergeTable();
        String[] key = {"High", "T", "10.0.0.1", "22", "S"};
        MergedFinding merged = new MergedFinding(new Finding(), "S");
        table.add(key, CsvMergeTable.hash(key), merged);

        String[] sameText = {"High", "T", "10.0.0.12", "2", "S"};
        String[] other = {"High", "T", "10.0.0.1", "23", "S"};
        assertThat(table.get(sameText, CsvMergeTable.hash(sameText))).isSameAs(merged);
        assertThat(table.get(other, CsvMergeTable.hash(other))).isNull();
    }

    @Test
    void shouldKeepEveryFindingFindableAndInFirstSeenOrderAsItGrows() {
        CsvMergeTable table = new CsvMergeTable();
        List<Finding> added = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String[] key = {"Low", "Plugin " + (i % 7), "10.0." + i / 256 + "." + i % 256, "", "S"};
            assertThat(table.get(key, CsvMergeTable.hash(key))).isNull();
            Finding finding = new Finding();
            finding.title = "f" + i;
            added.add(finding);
            table.add(key, CsvMergeTable.hash(key), new MergedFinding(finding, "S"));
        }
        for (int i = 0; i < 5_000; i++) {
            String[] key = {"Low", "Plugin " + (i % 7), "10.0." + i / 256 + "." + i % 256, "", "S"};
            assertThat(table.get(key, CsvMergeTable.hash(key)).finding).isSameAs(added.get(i));
        }
        List<Finding> emitted = new ArrayList<>();
        table.emitAll(emitted::add);
        assertThat(emitted).containsExactlyElementsOf(added);
    }
}
