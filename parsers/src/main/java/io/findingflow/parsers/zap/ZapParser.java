package io.findingflow.parsers.zap;

import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.FindingSink;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ReportMemo;
import io.findingflow.parsers.SafeXml;
import io.findingflow.parsers.ScanContext;
import io.findingflow.parsers.ScanParser;
import io.findingflow.parsers.XmlSubtree;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.ReqResp;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * ZAP's traditional XML report ({@code OWASPZAPReport}, 2.9 and later, with or without requests and
 * responses): one finding per {@code site/alerts/alertitem}, streamed one alert at a time. The HTML
 * texts become Markdown the way DefectDojo's html2text call renders them; each instance adds a URL
 * location (without query and fragment) and a request/response pair.
 */
public final class ZapParser implements ScanParser {

    private static final String FORMAT = "ZAP XML";
    private static final Map<String, String> SEVERITIES = Map.of("0", "Info", "1", "Low", "2", "Medium", "3", "High");
    /** DefectDojo derives the confidence from the risk code, not from ZAP's confidence element. */
    private static final Map<String, Integer> CONFIDENCE = Map.of("1", 7, "2", 4, "3", 1, "4", 1);

    @Override
    public List<String> scanTypes() {
        return List.of("ZAP Scan");
    }

    @Override
    public String description() {
        DedupSettings dedup = DedupSettings.forScanType("ZAP Scan");
        return "ZAP XML report (traditional format, with or without requests and responses). Deduplication: "
                + dedup.algorithm().setting() + " on " + String.join(", ", dedup.hashFields()) + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        XMLStreamReader reader = SafeXml.open(report);
        Memos memos = new Memos();
        try {
            if (!XmlSubtree.toRoot(reader) || !reader.getLocalName().equals("OWASPZAPReport")) {
                throw new ParseException("Not a " + FORMAT + " report: the root element is not <OWASPZAPReport>");
            }
            while (XmlSubtree.nextChild(reader)) {
                if (!reader.getLocalName().equals("site")) {
                    XmlSubtree.skip(reader);
                    continue;
                }
                while (XmlSubtree.nextChild(reader)) {
                    if (!reader.getLocalName().equals("alerts")) {
                        XmlSubtree.skip(reader);
                        continue;
                    }
                    while (XmlSubtree.nextChild(reader)) {
                        if (reader.getLocalName().equals("alertitem")) {
                            out.accept(finding(XmlSubtree.read(reader), memos));
                        } else {
                            XmlSubtree.skip(reader);
                        }
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw SafeXml.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid " + FORMAT + " report: " + e, e);
        }
    }

    private static Finding finding(XmlSubtree item, Memos memos) {
        Finding finding = new Finding();
        String riskCode = item.findText("riskcode");
        finding.title = item.findText("alert");
        finding.description = memos.markdown(item.findText("desc"));
        finding.severity = riskCode == null ? null : SEVERITIES.get(riskCode);
        finding.scannerConfidence = riskCode == null ? null : CONFIDENCE.get(riskCode);
        finding.mitigation = memos.markdown(item.findText("solution"));
        finding.references = memos.markdown(item.findText("reference"));
        finding.dynamicFinding = true;
        finding.staticFinding = false;
        finding.vulnIdFromTool = item.findText("pluginid");
        String cwe = item.findText("cweid");
        if (cwe != null && !cwe.isEmpty() && cwe.chars().allMatch(Character::isDigit)) {
            finding.cwe = Integer.parseInt(cwe);
        }
        for (XmlSubtree instance : item.findAll("instances/instance")) {
            String uri = instance.findText("uri");
            String query = "";
            String fragment = "";
            String location = uri == null ? "" : uri;
            int hash = location.indexOf('#');
            if (hash >= 0) {
                fragment = location.substring(hash + 1);
                location = location.substring(0, hash);
            }
            int question = location.indexOf('?');
            if (question >= 0) {
                query = location.substring(question + 1);
                location = location.substring(0, question);
            }
            // ZAP generates query strings and fragments on the fly: they would only make fake endpoints
            finding.addEndpoint(memos.endpoints.get(location, EndpointCleaner::fromUrl));
            finding.reqResp.add(requestResponse(instance, query, fragment));
        }
        return finding;
    }

    /** ZAP 2.16+ and "XML plus" reports carry the traffic; older ones get a summary of the attack. */
    private static ReqResp requestResponse(XmlSubtree instance, String query, String fragment) {
        String requestHeader = instance.findText("requestheader");
        if (requestHeader != null) {
            return new ReqResp(requestHeader + orEmpty(instance.findText("requestbody")),
                    orEmpty(instance.findText("responseheader")) + orEmpty(instance.findText("responsebody")));
        }
        String request = "Method:           " + str(instance.findText("method"))
                + " \nParam:            " + str(instance.findText("param"))
                + " \nAttack:           " + str(instance.findText("attack"))
                + " \nEndpointQuery:    " + query
                + " \nEndpointFragment: " + fragment;
        return new ReqResp(request, str(instance.findText("evidence")));
    }

    /**
     * Per-report memos: a ZAP report repeats each plugin's description, solution and reference on
     * every site, and its URLs across alerts. The HTML to Markdown conversion (a tokenizer, then
     * textwrap) and URL cleaning (IDNA) are most of the parse when done for every alert.
     */
    private static final class Memos {
        /** Texts longer than this are converted every time: the memo holds few, small entries. */
        private static final int MAX_MEMO_HTML = 16_384;

        final ReportMemo<String, String> markdown = ReportMemo.ofLongTexts(256);
        final ReportMemo<String, Endpoint> endpoints = ReportMemo.of(4096);

        String markdown(String html) {
            String text = html == null ? "" : html;
            return text.length() > MAX_MEMO_HTML
                    ? HtmlToMarkdown.convert(text)
                    : markdown.get(text, HtmlToMarkdown::convert);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String str(String text) {
        return text == null ? "None" : text;
    }
}
