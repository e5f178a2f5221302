package io.findingflow.parsers;

import java.io.InputStream;
import java.util.List;

/**
 * One scanner's report format(s) to DefectDojo findings. Implementations are stateless and
 * thread-safe; one class per tool, registered explicitly in {@link ParserRegistry}.
 */
public interface ScanParser {

    /** DefectDojo's exact scan type strings this parser answers to (aliases live in the registry). */
    List<String> scanTypes();

    /** What the parser reads, for {@code /api/v2/test_types/} and the CLI's help. */
    String description();

    /**
     * Streams the report's findings, in DefectDojo's order, to {@code out}. The registry computes
     * {@code hash_code} afterwards; a parser leaves it null.
     *
     * @throws ParseException when the report is malformed or not of this format; the message names
     *     the problem and, where known, the position
     */
    void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException;
}
