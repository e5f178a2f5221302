package io.findingflow.bench.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A synthetic scanner report of one format: findings are numbered, so a report of findings
 * {@code first … first + count - 1} has exactly {@code count} findings, and two reports that share
 * numbers share findings (same hash_code: a re-found vulnerability). Each format names the plain
 * Jackson read of the same bytes that its parser is measured against.
 */
public interface ReportGenerator {

    /** Trivy JSON, ZAP XML and Nessus CSV: the formats the benchmark imports and parses. */
    static List<ReportGenerator> all() {
        return List.of(new TrivyReportGenerator(), new ZapReportGenerator(), new NessusCsvReportGenerator());
    }

    /** The DefectDojo scan type the report is imported as. */
    String scanType();

    /** Short name for printed figures, e.g. "trivy". */
    String name();

    /** The file name sent with an upload. */
    String fileName();

    /** Writes the report of findings {@code first … first + count - 1}; returns how many findings a parser emits. */
    long write(OutputStream out, int first, int count) throws IOException;

    /** The format-level read the parser is compared with. */
    Baseline baseline();

    default byte[] bytes(int first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 1024);
        try {
            write(out, first, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Reads a whole input at the lowest level the format allows, building nothing. */
    interface Baseline {
        String name();

        /** Returns how many tokens it saw. */
        long walk(InputStream in) throws IOException;
    }
}
