package io.findingflow.parsers.qualys;

import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Qualys VM reports: the XML scan/asset report (HOST_LIST with a GLOSSARY of QIDs) and the CSV
 * exports (the detection list and the monthly PCI layout). DefectDojo picks CSV by the ".csv" file
 * name; here the content decides (XML starts with "<"). Honours USE_QUALYS_LEGACY_SEVERITY_PARSING
 * and USE_FIRST_SEEN.
 */
public final class QualysParser implements ScanParser {

    static final String SCAN_TYPE = "Qualys Scan";

    private static final Map<String, String> LEGACY_SEVERITY =
            Map.of("1", "Info", "2", "Low", "3", "Medium", "4", "High", "5", "Critical");
    private static final Map<String, String> SEVERITY =
            Map.of("1", "Low", "2", "Low", "3", "Medium", "4", "High", "5", "High");

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Qualys VM report: XML scan report (HOST_LIST + GLOSSARY) or CSV export (detections, "
                + "monthly PCI). Deduplication: " + dedup.algorithm() + " on " + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        BufferedInputStream in = new BufferedInputStream(report, 1 << 16);
        if (startsWithMarkup(in)) {
            QualysXmlParser.parse(in, context, out);
        } else {
            QualysCsvParser.parse(in, context, out);
        }
    }

    /** Qualys severity 1-5: Info..Critical (legacy, the default) or Low, Low, Medium, High, High. */
    static String severity(String level, ScanContext context) {
        Map<String, String> table =
                context.flag(ScanContext.USE_QUALYS_LEGACY_SEVERITY_PARSING) ? LEGACY_SEVERITY : SEVERITY;
        return level == null ? "Info" : table.getOrDefault(level.strip(), "Info");
    }

    private static boolean startsWithMarkup(BufferedInputStream in) throws ParseException {
        try {
            in.mark(1 << 15);
            int b = in.read();
            if (b == 0xEF) {
                in.read();
                in.read();
                b = in.read();
            }
            for (int read = 0; (b == ' ' || b == '\t' || b == '\r' || b == '\n') && read < (1 << 14); read++) {
                b = in.read();
            }
            in.reset();
            if (b == -1) {
                throw new ParseException("Invalid Qualys report: the file is empty");
            }
            return b == '<';
        } catch (IOException e) {
            throw new ParseException("Could not read the Qualys report: " + e.getMessage(), e);
        }
    }
}
