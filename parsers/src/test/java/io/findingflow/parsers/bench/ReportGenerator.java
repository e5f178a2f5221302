package io.findingflow.parsers.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A synthetic report of one format for {@link ParserThroughputBench}: writes a file with a known
 * number of findings and names the baseline that reads the same bytes without building findings.
 * Add a format (ZAP XML, Nessus CSV, ...) by implementing this and listing it in the bench.
 */
public interface ReportGenerator {

    /** The DefectDojo scan type the file is parsed as. */
    String scanType();

    /** Short name for the printed metrics, e.g. "trivy" → {@code trivy_parser_findings_per_s}. */
    String name();

    /** Writes a report with {@code findings} findings to {@code file}; returns how many the parser should emit. */
    long write(Path file, int findings) throws IOException;

    /** The "plain read" this format is compared with (a Jackson token walk for JSON). */
    Baseline baseline();

    /** Reads the whole input at the lowest level the format allows and returns how many units it saw. */
    @FunctionalInterface
    interface Baseline {
        String name();

        default long walk(InputStream in) throws Exception {
            throw new UnsupportedOperationException(name());
        }
    }
}
