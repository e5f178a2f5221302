package io.findingflow.parsers.semgrep;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.PythonText;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code semgrep --json} output (the {@code results} list of a code scan) and the Semgrep App
 * supply-chain export (the {@code vulns} list). Results are read one at a time; repeats of the
 * same rule, file and line only count up the first finding's {@code nb_occurences}, so findings
 * are handed out once the report is read.
 */
public final class SemgrepParser implements ScanParser {

    static final String SCAN_TYPE = "Semgrep JSON Report";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType(SCAN_TYPE);
        return "Semgrep JSON output (semgrep --json: results; Semgrep App export: vulns). Deduplication: "
                + dedup.algorithm() + " with the legacy hash_code fields.";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Semgrep report: the file is empty");
            }
            Map<String, Finding> results = null;
            Map<String, Finding> vulns = null;
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (field.equals("results")) {
                        results = read(parser, value, SemgrepFindings::result);
                    } else if (field.equals("vulns") && results == null) {
                        vulns = read(parser, value, SemgrepFindings::supplyChain);
                    } else {
                        parser.skipChildren();
                    }
                }
            } else if (first == JsonToken.START_ARRAY) {
                parser.skipChildren(); // a list has neither key: DefectDojo returns no findings
            } else {
                throw new ParseException("Invalid Semgrep report: expected a JSON object with \"results\", found "
                        + first.asString());
            }
            if (parser.nextToken() != null) {
                throw new ParseException("Invalid Semgrep report" + SemgrepFindings.where(parser)
                        + ": unexpected content after the end of the JSON document");
            }
            Map<String, Finding> chosen = results != null ? results : vulns;
            if (chosen != null) {
                chosen.values().forEach(out::accept);
            }
        } catch (IOException e) {
            throw JsonReports.error("Semgrep", e);
        } catch (SemgrepFindings.BadItem e) {
            throw new ParseException("Invalid Semgrep report" + SemgrepFindings.where(parser) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Semgrep report" + SemgrepFindings.where(parser)
                    + ": unexpected structure (" + e + ")", e);
        }
    }

    /** Reads one list, folding repeats of title + file + line into the first finding. */
    private static Map<String, Finding> read(JsonParser parser, JsonToken value, Function<JsonNode, Finding> mapper)
            throws IOException {
        Map<String, Finding> dupes = new LinkedHashMap<>();
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return dupes;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            Finding finding = mapper.apply(parser.readValueAsTree());
            String key = PythonText.str(finding.title) + PythonText.str(finding.filePath) + PythonText.str(finding.line);
            Finding first = dupes.putIfAbsent(key, finding);
            if (first != null) {
                first.nbOccurences += 1;
            }
        }
        return dupes;
    }
}
