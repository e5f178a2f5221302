package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

    @Test
    void shouldResolveColumnsOnceAsDictReaderKeysThem() throws IOException {
        CsvDictReader reader = CsvDictReader.open(new StringReader("a,b,a,c\n1,2,3\n"), ',');

        assertThat(reader.column("a")).isEqualTo(2);
        assertThat(reader.column("missing")).isEqualTo(-1);
        assertThat(reader.firstColumn("missing", "b", "a")).isEqualTo(1);
        assertThat(reader.firstColumn("missing")).isEqualTo(-1);
        CsvDictReader.Row row = reader.next();
        assertThat(row.cell(reader.column("a"))).isEqualTo("3");
        assertThat(row.cell(reader.column("c"))).isNull();
        assertThat(row.cell(-1)).isNull();
    }

    /**
     * The token reading must give what binding each record to a {@code List<String>} through
     * jackson-databind's {@code MappingIterator} gave (the reader's previous implementation): same
     * header, same rows, the same failures, on random text made of CSV's special characters.
     */
    @Test
    void shouldReadWhatTheListBindingRead() {
        Random random = new Random(42);
        String[] pieces = {"a", "b", "\u00e9", ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", " ", "", "x y"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int j = 0; j < length; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            char separator = random.nextBoolean() ? ',' : ';';
            assertThat(read(text.toString(), separator)).as("%s with %s", text, separator)
                    .isEqualTo(bound(text.toString(), separator));
        }
    }

    private static List<String> read(String text, char separator) {
        List<String> out = new ArrayList<>();
        try {
            CsvDictReader reader = CsvDictReader.open(new StringReader(text), separator);
            out.add(String.valueOf(reader.header()));
            if (reader.header() == null) {
                return out;
            }
            for (CsvDictReader.Row row = reader.next(); row != null; row = reader.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; row.cell(i) != null || i < reader.header().size(); i++) {
                    cells.add(row.cell(i));
                    if (row.cell(i) == null) {
                        break;
                    }
                }
                out.add(cells + " line " + reader.line());
            }
        } catch (IOException | RuntimeException e) {
            out.add("failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    /** The previous implementation: records bound as lists of strings. */
    private static List<String> bound(String text, char separator) {
        List<String> out = new ArrayList<>();
        try {
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withQuoteChar('"')
                    .withoutEscapeChar();
            MappingIterator<List<String>> records = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                    .build().readerForListOf(String.class).with(schema).readValues(new StringReader(text));
            List<String> header = nextNonBlank(records);
            out.add(String.valueOf(header));
            if (header == null) {
                return out;
            }
            for (List<String> record = nextNonBlank(records); record != null; record = nextNonBlank(records)) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < record.size() || i < header.size(); i++) {
                    String cell = i < record.size() ? record.get(i) : null;
                    cells.add(cell);
                    if (cell == null) {
                        break;
                    }
                }
                out.add(cells + " line " + records.getCurrentLocation().getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            out.add("failed: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }

    private static List<String> nextNonBlank(MappingIterator<List<String>> records) throws IOException {
        while (records.hasNextValue()) {
            List<String> record = records.nextValue();
            if (!(record.isEmpty() || record.size() == 1 && record.get(0).isEmpty())) {
                return record;
            }
        }
        return null;
    }
}
