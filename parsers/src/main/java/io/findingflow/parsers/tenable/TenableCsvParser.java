package io.findingflow.parsers.tenable;

import io.findingflow.parsers.CsvDictReader;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Nessus / Tenable.io / Tenable.sc CSV exports: ";" separated when the header line has one, else
 * ",". Rows of the same severity, name, host, port and synopsis are merged, so findings are emitted
 * after the last row.
 */
final class TenableCsvParser {

    private TenableCsvParser() {}

    static void parse(InputStream in, FindingSink out) throws ParseException {
        BufferedReader text = CsvDictReader.utf8(in);
        CsvMergeTable findings = new CsvMergeTable();
        CsvDictReader reader = null;
        try {
            reader = CsvDictReader.open(text, separator(text));
            List<String> header = reader.header();
            if (header == null) {
                throw new ParseException("Invalid Tenable CSV report: the file is empty");
            }
            if (!header.contains("Name") && !header.contains("Plugin Name") && !header.contains("asset.name")) {
                throw new ParseException("Invalid Tenable CSV report: the header has no 'Name', "
                        + "'Plugin Name' or 'asset.name' column");
            }
            TenableCsvRow rows = new TenableCsvRow(new TenableCsvColumns(reader));
            for (CsvDictReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.merge(row, findings);
            }
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ParseException("Invalid Tenable CSV report"
                    + (reader == null ? "" : " near line " + reader.line()) + ": " + message, e);
        }
        findings.emitAll(out);
    }

    /** DefectDojo's rule: ";" when the first physical line contains one. */
    private static char separator(BufferedReader reader) throws IOException {
        int limit = 1 << 20;
        reader.mark(limit);
        int c;
        int read = 0;
        char separator = ',';
        while ((c = reader.read()) != -1 && c != '\n' && ++read < limit) {
            if (c == ';') {
                separator = ';';
                break;
            }
        }
        reader.reset();
        return separator;
    }
}
