package io.findingflow.parsers.tenable;

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
 * Tenable / Nessus reports: the {@code .nessus} XML export (NessusClientData_v2, Nessus Pro and
 * Nessus WAS) and the CSV exports of Nessus, Tenable.io and Tenable.sc. DefectDojo picks the format
 * by file extension; here the content decides (XML starts with "<").
 */
public final class TenableParser implements ScanParser {

    static final String SCAN_TYPE = "Tenable Scan";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Tenable/Nessus report: .nessus XML (NessusClientData_v2, incl. Nessus WAS) or CSV export "
                + "(Nessus, Tenable.io, Tenable.sc). Deduplication: " + dedup.algorithm()
                + " on " + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        BufferedInputStream in = new BufferedInputStream(report, 1 << 16);
        if (startsWithMarkup(in)) {
            TenableXmlParser.parse(in, out);
        } else {
            TenableCsvParser.parse(in, out);
        }
    }

    /** True when the first character after a BOM and whitespace is "<". */
    private static boolean startsWithMarkup(BufferedInputStream in) throws ParseException {
        try {
            in.mark(1 << 15);
            int b = in.read();
            int read = 0;
            if (b == 0xEF) {
                in.read();
                in.read();
                b = in.read();
            }
            while (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                b = in.read();
                if (++read > (1 << 14)) {
                    break;
                }
            }
            in.reset();
            if (b == -1) {
                throw new ParseException("Invalid Tenable report: the file is empty");
            }
            return b == '<';
        } catch (IOException e) {
            throw new ParseException("Could not read the Tenable report: " + e.getMessage(), e);
        }
    }
}
