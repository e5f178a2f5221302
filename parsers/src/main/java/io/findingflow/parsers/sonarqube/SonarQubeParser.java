package io.findingflow.parsers.sonarqube;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.JsonReports;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SonarQube reports, told apart by content: a zip of Web API JSON exports, a JSON document (the
 * soprasteria/sonar-report JSON or a Web API export), or the sonar-report HTML page.
 * "SonarQube Scan" aggregates sonar-report issues per rule and file; "SonarQube Scan detailed"
 * keeps one finding per issue. Web API exports give one finding per issue in both modes.
 */
public final class SonarQubeParser implements ScanParser {

    static final String SCAN_TYPE = "SonarQube Scan";
    static final String SCAN_TYPE_DETAILED = "SonarQube Scan detailed";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE, SCAN_TYPE_DETAILED);
    }

    @Override
    public String description() {
        DedupSettings aggregated = DedupSettings.forScanType(SCAN_TYPE);
        DedupSettings detailed = DedupSettings.forScanType(SCAN_TYPE_DETAILED);
        return "SonarQube: soprasteria/sonar-report HTML or JSON, SonarQube Web API JSON export "
                + "(issues and hotspots) or a zip of such exports. " + SCAN_TYPE + " aggregates issues per "
                + "CWE, title, description and file (deduplication: " + aggregated.algorithm() + " on "
                + aggregated.hashFields() + "); " + SCAN_TYPE_DETAILED + " keeps every issue (deduplication: "
                + detailed.algorithm() + ").";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        InputStream in = report.markSupported() ? report : new BufferedInputStream(report);
        try {
            switch (sniff(in)) {
                case ZIP -> SafeZip.read(in, ".json", (name, content) ->
                        readRestApi(JsonReports.readTree(new ByteArrayInputStream(content),
                                "SonarQube JSON (zip entry " + name + ")"), out));
                case JSON -> readJson(JsonReports.readTree(in, "SonarQube JSON"), context.detailed(), out);
                case HTML -> readHtml(in, context.detailed(), out);
            }
        } catch (IOException e) {
            throw new ParseException("Could not read the SonarQube report: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid SonarQube report: unexpected structure (" + e + ")", e);
        }
    }

    private static void readJson(JsonNode json, boolean detailed, FindingSink out) throws ParseException {
        if (!json.isObject()) {
            throw new ParseException("Invalid SonarQube JSON report: expected an object, found " + json.getNodeType());
        }
        if (SonarQubeRestApi.truthy(json.get("date")) && SonarQubeRestApi.truthy(json.get("projectName"))
                && SonarQubeRestApi.truthy(json.get("hotspotKeys"))) {
            SonarReportFindings findings = new SonarReportFindings(detailed);
            SonarReportJson.read(json, findings);
            findings.findings().forEach(out::accept);
        } else if (SonarQubeRestApi.truthy(json.get("paging")) && SonarQubeRestApi.truthy(json.get("components"))) {
            SonarQubeRestApi.read(json, out);
        }
        // any other JSON holds nothing DefectDojo imports
    }

    private static void readRestApi(JsonNode json, FindingSink out) throws ParseException {
        if (!json.isObject()) {
            throw new ParseException("Invalid SonarQube JSON in zip: expected an object, found " + json.getNodeType());
        }
        SonarQubeRestApi.read(json, out);
    }

    private static void readHtml(InputStream in, boolean detailed, FindingSink out)
            throws IOException, ParseException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
        SonarReportFindings findings = new SonarReportFindings(detailed);
        SonarReportHtml.read(reader, findings);
        findings.findings().forEach(out::accept);
    }

    private enum Format { ZIP, JSON, HTML }

    /** Zip by its magic number, JSON by its first non-blank character, anything else is read as HTML. */
    private static Format sniff(InputStream in) throws IOException, ParseException {
        in.mark(4096);
        byte[] head = in.readNBytes(4096);
        in.reset();
        if (head.length == 0) {
            throw new ParseException("Invalid SonarQube report: the file is empty");
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6) || (head[2] == 7 && head[3] == 8))) {
            return Format.ZIP;
        }
        int i = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF
                ? 3 : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\n' || head[i] == '\r')) {
            i++;
        }
        return i < head.length && (head[i] == '{' || head[i] == '[') ? Format.JSON : Format.HTML;
    }
}
