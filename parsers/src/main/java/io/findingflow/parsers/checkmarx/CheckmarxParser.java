package io.findingflow.parsers.checkmarx;

import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Checkmarx reports: the CxSAST XML report (aggregated per sink file for "Checkmarx Scan", one
 * finding per data-flow path for "Checkmarx Scan detailed") and the Checkmarx One JSON report
 * (SAST, SCA and KICS results, the same for both scan types). DefectDojo picks the format by file
 * extension; FindingFlow looks at the first character of the content instead.
 */
public final class CheckmarxParser implements ScanParser {

    private static final int SNIFF_LIMIT = 8192;

    @Override
    public List<String> scanTypes() {
        return List.of("Checkmarx Scan", "Checkmarx Scan detailed");
    }

    @Override
    public String description() {
        return "Checkmarx CxSAST XML report (\"Checkmarx Scan\" aggregates results per cwe, severity and"
                + " sink file; \"Checkmarx Scan detailed\" imports every path) and Checkmarx One JSON report"
                + " (sast, sca, kics). Deduplication: " + dedup("Checkmarx Scan") + " for \"Checkmarx Scan\", "
                + dedup("Checkmarx Scan detailed") + " for \"Checkmarx Scan detailed\".";
    }

    private static String dedup(String scanType) {
        DedupSettings settings = DedupSettings.forScanType(scanType);
        String algorithm = settings.algorithm().setting();
        return settings.hashFields() == null ? algorithm : algorithm + " on " + String.join(", ", settings.hashFields());
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        BufferedInputStream in = new BufferedInputStream(report, SNIFF_LIMIT);
        try {
            if (startsLikeJson(in)) {
                CheckmarxJsonParser.parse(in, out);
            } else {
                CheckmarxXmlParser.parse(in, context.detailed(), out);
            }
        } catch (IOException e) {
            throw new ParseException("Could not read the Checkmarx report: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Checkmarx report: " + e, e);
        }
    }

    /** True when the first character after a byte order mark and whitespace opens a JSON value. */
    private static boolean startsLikeJson(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        try {
            for (int i = 0; i < SNIFF_LIMIT; i++) {
                int b = in.read();
                if (b < 0) {
                    return false;
                }
                if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) {
                    continue;
                }
                return b == '{' || b == '[';
            }
            return false;
        } finally {
            in.reset();
        }
    }
}
