package io.findingflow.parsers.trufflehog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.schemas.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Trufflehog's JSON Lines output, one secret per line. The first line decides the version: v3
 * lines carry {@code SourceMetadata}, v2 lines a {@code path}; anything else yields no findings.
 * Lines are read one at a time; repeats are folded into the first finding, which is why findings
 * are handed out at the end.
 */
public final class TrufflehogParser implements ScanParser {

    static final String SCAN_TYPE = "Trufflehog Scan";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Trufflehog JSON Lines output (v2 and v3). Deduplication: " + dedup.algorithm() + " on "
                + dedup.hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(report, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Finding> dupes = new LinkedHashMap<>();
        BiConsumer<JsonNode, Map<String, Finding>> version = null;
        int lineNumber = 0;
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode json = readLine(line, lineNumber);
                if (version == null) {
                    if (!json.isObject() && !json.isArray()) {
                        throw new ParseException("Invalid Trufflehog report at line " + lineNumber
                                + ": expected one JSON object per line");
                    }
                    if (json.has("SourceMetadata")) {
                        version = TrufflehogV3::add;
                    } else if (json.has("path")) {
                        version = TrufflehogV2::add;
                    } else {
                        return;
                    }
                }
                if (!json.isObject()) {
                    throw new ParseException("Invalid Trufflehog report at line " + lineNumber + ": not a JSON object");
                }
                version.accept(json, dupes);
            }
        } catch (IOException e) {
            throw new ParseException("Could not read the Trufflehog report: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Trufflehog report at line " + lineNumber + ": unexpected structure ("
                    + e.getMessage() + ")", e);
        }
        dupes.values().forEach(out::accept);
    }

    private static JsonNode readLine(String line, int lineNumber) throws ParseException {
        try {
            return JsonReports.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new ParseException("Invalid Trufflehog report at line " + lineNumber + ", column "
                    + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
    }
}
