package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A vulnerability's {@code CVSS} member: per vendor, the vectors and scores DefectDojo reads from
 * it. Only those are kept, read straight from the stream: every entry has a CVSS object, and
 * decoding it as a tree (maps, number nodes) was a sixth of a Trivy parse.
 */
final class TrivyCvss {

    /** Vendors whose block is used when the report's SeveritySource has none. */
    private static final String[] FALLBACK_VENDORS = {"nvd", "ghsa", "redhat", "bitnami"};

    /**
     * One vendor's block. A value that is not an object still wins the vendor choice (as in
     * DefectDojo) but yields nothing: {@code object} is false and every member null.
     */
    record Scores(boolean object, String v40Vector, Double v40Score, String v3Vector, Double v3Score, Double v2Score) {

        private static final Scores NOT_AN_OBJECT = new Scores(false, null, null, null, null, null);

        /** cvssv3/cvssv4 come from the chosen vendor block whether or not severity does. */
        void applyTo(Finding finding) {
            if (!object) {
                return;
            }
            String v4 = Cvss4.cleanVector(v40Vector);
            if (v4 != null) {
                finding.cvssv4 = v4;
            }
            finding.cvssv4Score = v40Score;
            Cvss3 v3 = Cvss3.parse(v3Vector);
            if (v3 != null) {
                finding.cvssv3 = v3.vector();
                finding.cvssv3Score = v3.environmentalScore();
            } else {
                finding.cvssv3Score = v3Score;
            }
        }

        /** Severity from the block: V4 vector, V4 score, V3 vector, V3 score, V2 score. */
        String severity() {
            if (!object) {
                return band(null);
            }
            if (Cvss4.cleanVector(v40Vector) != null || v40Score != null) {
                return band(v40Score);
            }
            Cvss3 v3 = Cvss3.parse(v3Vector);
            if (v3 != null) {
                return v3.baseSeverity();
            }
            return band(v3Score != null ? v3Score : v2Score);
        }
    }

    /** Vendor → block; JSON nulls are left out, which is how DefectDojo's choice treats them. */
    private final Map<String, Scores> vendors = new HashMap<>(4);

    private TrivyCvss() {}

    /** The CVSS value at the parser, or null when it is not an object. */
    static TrivyCvss read(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        TrivyCvss cvss = new TrivyCvss();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String vendor = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_OBJECT) {
                cvss.vendors.put(vendor, readScores(parser));
            } else {
                parser.skipChildren();
                cvss.put(vendor, value == JsonToken.VALUE_NULL ? null : Scores.NOT_AN_OBJECT);
            }
        }
        return cvss;
    }

    /** The same from an already decoded value (documents whose lists had to be buffered). */
    static TrivyCvss of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        TrivyCvss cvss = new TrivyCvss();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> vendor = it.next();
            JsonNode block = vendor.getValue();
            cvss.put(vendor.getKey(), block.isNull() ? null : !block.isObject() ? Scores.NOT_AN_OBJECT
                    : new Scores(true, text(block.get("V40Vector")), number(block.get("V40Score")),
                            text(block.get("V3Vector")), number(block.get("V3Score")), number(block.get("V2Score"))));
        }
        return cvss;
    }

    /** The SeveritySource's block when it has one, else the first of the fallback vendors; or null. */
    Scores block(JsonNode severitySource) {
        Scores preferred = severitySource != null && severitySource.isTextual()
                ? vendors.get(severitySource.textValue()) : null;
        if (preferred != null) {
            return preferred;
        }
        for (String vendor : FALLBACK_VENDORS) {
            Scores block = vendors.get(vendor);
            if (block != null) {
                return block;
            }
        }
        return null;
    }

    static String band(Double score) {
        if (score == null || score == 0.0) {
            return "Info";
        }
        return score < 4.0 ? "Low" : score < 7.0 ? "Medium" : score < 9.0 ? "High" : "Critical";
    }

    private void put(String vendor, Scores scores) {
        if (scores == null) {
            vendors.remove(vendor);
        } else {
            vendors.put(vendor, scores);
        }
    }

    /** A block's members as DefectDojo reads them: strings for vectors, numbers for scores, a later duplicate winning. */
    private static Scores readScores(JsonParser parser) throws IOException {
        String v40Vector = null;
        String v3Vector = null;
        Double v40Score = null;
        Double v3Score = null;
        Double v2Score = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "V40Vector" -> v40Vector = text(parser);
                case "V3Vector" -> v3Vector = text(parser);
                case "V40Score" -> v40Score = number(parser);
                case "V3Score" -> v3Score = number(parser);
                case "V2Score" -> v2Score = number(parser);
                default -> parser.skipChildren();
            }
        }
        return new Scores(true, v40Vector, v40Score, v3Vector, v3Score, v2Score);
    }

    private static String text(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        parser.skipChildren();
        return null;
    }

    /** The double a number node would give ({@code doubleValue()}), without building the node. */
    private static Double number(JsonParser parser) throws IOException {
        if (parser.currentToken().isNumeric()) {
            return parser.getDoubleValue();
        }
        parser.skipChildren();
        return null;
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Double number(JsonNode value) {
        return value != null && value.isNumber() ? value.doubleValue() : null;
    }
}
