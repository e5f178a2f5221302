package io.findingflow.parsers.kubebench;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * kube-bench's JSON output ({@code kube-bench --json}): a list of chapters, or since kube-bench
 * 0.6 an object whose {@code Controls} holds them. Chapters are read one at a time.
 */
public final class KubebenchParser implements ScanParser {

    static final String SCAN_TYPE = "kube-bench Scan";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "kube-bench JSON report (list of controls, or {\"Controls\": [...]}). Deduplication: "
                + dedup.algorithm() + " on " + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readChapters(parser, out);
            } else if (first == JsonToken.START_OBJECT) {
                boolean controls = false;
                boolean otherKeys = false;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("Controls") && !controls) {
                        if (value != JsonToken.START_ARRAY) {
                            throw new ParseException("Invalid kube-bench report" + where(parser) + ": \"Controls\" is not a list");
                        }
                        controls = true;
                        readChapters(parser, out);
                    } else {
                        otherKeys = true;
                        parser.skipChildren();
                    }
                }
                if (!controls && otherKeys) {
                    throw new ParseException("Invalid kube-bench report: expected a list of controls or an object with \"Controls\"");
                }
            } else {
                throw new ParseException("Invalid kube-bench report" + where(parser)
                        + ": expected a list of controls or an object with \"Controls\"");
            }
            if (parser.nextToken() != null) {
                throw new ParseException("Invalid kube-bench report" + where(parser)
                        + ": unexpected content after the end of the JSON document");
            }
        } catch (IOException e) {
            throw JsonReports.error("kube-bench", e);
        } catch (KubebenchChapter.BadControl e) {
            throw new ParseException("Invalid kube-bench report" + where(parser) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid kube-bench report" + where(parser) + ": unexpected structure (" + e + ")", e);
        }
    }

    private static void readChapters(JsonParser parser, FindingSink out) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            KubebenchChapter.read(parser.readValueAsTree(), out);
        }
    }

    private static String where(JsonParser parser) {
        JsonLocation location = parser.currentLocation();
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
