package io.findingflow.parsers;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV report as Python's {@code csv.DictReader} (which DefectDojo's CSV parsers use) sees
 * it: the first record is the header, blank lines are skipped, a later duplicate column wins and a
 * short record reads its missing columns as None.
 */
public final class CsvDictReader {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private final MappingIterator<List<String>> records;
    private final List<String> header;
    private final Map<String, Integer> columns;

    private CsvDictReader(MappingIterator<List<String>> records, List<String> header) {
        this.records = records;
        this.header = header;
        this.columns = header == null ? Map.of() : Row.columns(header);
    }

    /** Strict UTF-8 text of {@code in} (DefectDojo decodes uploads with {@code .decode("utf-8")}). */
    public static BufferedReader utf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /** Reads the header record; {@link #header()} is null for an empty file. */
    public static CsvDictReader open(Reader reader, char separator) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema()
                .withColumnSeparator(separator)
                .withQuoteChar('"')
                .withoutEscapeChar();
        MappingIterator<List<String>> records = MAPPER.readerForListOf(String.class).with(schema).readValues(reader);
        List<String> header = nextNonBlank(records);
        return new CsvDictReader(records, header);
    }

    public List<String> header() {
        return header;
    }

    /** The next record, or null at the end. */
    public Row next() throws IOException {
        List<String> record = nextNonBlank(records);
        return record == null ? null : new Row(columns, record);
    }

    /** The line the reader has reached, for error messages. */
    public long line() {
        return records.getCurrentLocation() == null ? -1 : records.getCurrentLocation().getLineNr();
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

    /** One record keyed by header. */
    public static final class Row {

        /** Column → index in the record, shared by every row of the file (built once per header). */
        private final Map<String, Integer> columns;
        private final List<String> record;

        Row(Map<String, Integer> columns, List<String> record) {
            this.columns = columns;
            this.record = record;
        }

        /**
         * DictReader's keys: a later duplicate column wins. Names are interned: parsers look cells up
         * by literal (interned) names, so the lookup's equals is an identity check, not a compare.
         */
        static Map<String, Integer> columns(List<String> header) {
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i);
                columns.put(name == null ? null : name.intern(), i);
            }
            return columns;
        }

        public boolean has(String column) {
            return columns.containsKey(column);
        }

        /** {@code row.get(column, fallback)}: the fallback only when the column does not exist. */
        public String get(String column, String fallback) {
            Integer index = columns.get(column);
            return index == null ? fallback : cell(index);
        }

        /** {@code row.get(column)}: null when the column is missing or the record too short. */
        public String get(String column) {
            Integer index = columns.get(column);
            return index == null ? null : cell(index);
        }

        /** The value of the first of {@code names} the header has ({@code row.get(a, row.get(b, fallback))}). */
        public String first(String fallback, String... names) {
            for (String column : names) {
                Integer index = columns.get(column);
                if (index != null) {
                    return cell(index);
                }
            }
            return fallback;
        }

        /** A short record reads its missing cells as None; extra cells are not looked up. */
        private String cell(int index) {
            return index < record.size() ? record.get(index) : null;
        }

        /** Python truthiness of a cell: neither None nor "". */
        public static boolean truthy(String value) {
            return value != null && !value.isEmpty();
        }
    }
}
