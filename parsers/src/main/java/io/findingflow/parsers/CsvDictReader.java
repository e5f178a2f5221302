package io.findingflow.parsers;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV report as Python's {@code csv.DictReader} (which DefectDojo's CSV parsers use) sees
 * it: the first record is the header, blank lines are skipped, a later duplicate column wins and a
 * short record reads its missing columns as None.
 */
public final class CsvDictReader {

    /**
     * Records are read as the parser's tokens (an outer array of one array of strings per record):
     * binding each record to a {@code List<String>} through a {@code MappingIterator} cost more than
     * the tokens, and rows are read cell by cell anyway.
     */
    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .build();

    private final CsvParser parser;
    private final List<String> header;
    private final Map<String, Integer> columns;
    /** The record being read; each row gets a trimmed copy. */
    private String[] cells = new String[32];

    private CsvDictReader(CsvParser parser) throws IOException {
        this.parser = parser;
        String[] first = nextNonBlank();
        this.header = first == null ? null : Collections.unmodifiableList(Arrays.asList(first));
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
        CsvParser parser = FACTORY.createParser(reader);
        parser.setSchema(schema);
        return new CsvDictReader(parser);
    }

    public List<String> header() {
        return header;
    }

    /**
     * The index of {@code column} in every row (DictReader's: the last of duplicate columns), or -1
     * when the header has no such column. Lets a parser resolve its columns once per file.
     */
    public int column(String column) {
        Integer index = columns.get(column);
        return index == null ? -1 : index;
    }

    /** The index of the first of {@code names} the header has ({@code row.get(a, row.get(b, ...))}), or -1. */
    public int firstColumn(String... names) {
        for (String name : names) {
            int index = column(name);
            if (index >= 0) {
                return index;
            }
        }
        return -1;
    }

    /** The next record, or null at the end. */
    public Row next() throws IOException {
        String[] record = nextNonBlank();
        return record == null ? null : new Row(columns, record);
    }

    /** The line the reader has reached, for error messages. */
    public long line() {
        return parser.currentLocation() == null ? -1 : parser.currentLocation().getLineNr();
    }

    /** The next record that is not a blank line (no cell, or one empty cell), or null at the end. */
    private String[] nextNonBlank() throws IOException {
        for (int size = nextRecord(); size >= 0; size = nextRecord()) {
            if (!(size == 0 || size == 1 && cells[0].isEmpty())) {
                return Arrays.copyOf(cells, size);
            }
        }
        return null;
    }

    /**
     * Reads one record's cells into {@link #cells}; returns how many, or -1 at the end. The first
     * call also steps into the array that wraps the whole file. Cells are strings; a null token
     * (which these settings do not produce) would read as None, as the list binding did.
     */
    private int nextRecord() throws IOException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inRoot()) {
            token = parser.nextToken();
        }
        if (token != JsonToken.START_ARRAY) {
            return -1;
        }
        int size = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                return size;
            }
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = token == JsonToken.VALUE_NULL ? null : parser.getText();
        }
        return size;
    }

    /** One record keyed by header. */
    public static final class Row {

        /** Column → index in the record, shared by every row of the file (built once per header). */
        private final Map<String, Integer> columns;
        private final String[] record;

        Row(Map<String, Integer> columns, String[] record) {
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

        /**
         * The cell at a column index from {@link CsvDictReader#column}: null for a short record's
         * missing cells (None) and for index -1; extra cells are not looked up.
         */
        public String cell(int index) {
            return index >= 0 && index < record.length ? record[index] : null;
        }

        /** Python truthiness of a cell: neither None nor "". */
        public static boolean truthy(String value) {
            return value != null && !value.isEmpty();
        }
    }
}
