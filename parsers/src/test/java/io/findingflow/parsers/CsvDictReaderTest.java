package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CsvDictReaderTest {

    @Test
    void shouldReadRowsAsPythonDictReaderDoes() throws IOException {
        CsvDictReader reader = CsvDictReader.open(
                new StringReader("a;b;a\n1;\"x\"\"y\nz\";3\n\n4\n"), ';');

        assertThat(reader.header()).containsExactly("a", "b", "a");
        CsvDictReader.Row first = reader.next();
        assertThat(first.get("a")).isEqualTo("3");
        assertThat(first.get("b")).isEqualTo("x\"y\nz");
        CsvDictReader.Row shortRow = reader.next();
        assertThat(shortRow.has("b")).isTrue();
        assertThat(shortRow.get("b", "fallback")).isNull();
        assertThat(shortRow.get("missing", "fallback")).isEqualTo("fallback");
        assertThat(shortRow.first("none", "missing", "b")).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void shouldReportAnEmptyFile() throws IOException {
        assertThat(CsvDictReader.open(new StringReader(""), ',').header()).isNull();
    }
}
