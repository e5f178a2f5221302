package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Finding;
import io.findingflow.parsers.JsonFieldOrder;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
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
    record Scores(boolean object, String v40Vector, Score v40Score, String v3Vector, Score v3Score, Score v2Score) {

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
            finding.cvssv4Score = Score.value(v40Score);
            Cvss3 v3 = Cvss3.parse(v3Vector);
            if (v3 != null) {
                finding.cvssv3 = v3.vector();
                finding.cvssv3Score = v3.environmentalScore();
            } else {
                finding.cvssv3Score = Score.value(v3Score);
            }
        }

        /** Severity from the block: V4 vector, V4 score, V3 vector, V3 score, V2 score. */
        String severity() {
            if (!object) {
                return band(null);
            }
            if (Cvss4.cleanVector(v40Vector) != null || v40Score != null) {
                return band(Score.value(v40Score));
            }
            Cvss3 v3 = Cvss3.parse(v3Vector);
            if (v3 != null) {
                return v3.baseSeverity();
            }
            return band(Score.value(v3Score != null ? v3Score : v2Score));
        }
    }

    /** Vendor → block; JSON nulls are left out, which is how DefectDojo's choice treats them. */
    private final Map<String, Scores> vendors = new HashMap<>(4);

    TrivyCvss() {}

    /** The members of a vendor's block that are read, in Trivy's order. */
    static final List<String> MEMBERS = List.of("V2Score", "V3Vector", "V3Score", "V40Vector", "V40Score");

    /**
     * The CVSS value at the parser read into {@code into} (emptied first; a table per entry was a
     * tenth of what reading an entry allocated), or null when it is not an object. Name orders are
     * learnt over a run of entries.
     */
    static TrivyCvss read(JsonParser parser, JsonFieldOrder vendors, JsonFieldOrder members, TrivyCvss into)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        TrivyCvss cvss = into;
        cvss.vendors.clear();
        vendors.startObject();
        while (vendors.next(parser)) {
            String vendor = parser.currentName();
            JsonToken value = parser.nextToken();
            Scores scores;
            if (value == JsonToken.START_OBJECT) {
                scores = readScores(parser, members);
            } else {
                parser.skipChildren();
                scores = value == JsonToken.VALUE_NULL ? null : Scores.NOT_AN_OBJECT;
            }
            cvss.put(vendor, scores);
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

    /** A later duplicate vendor wins, a null one removing the earlier block. */
    private void put(String vendor, Scores scores) {
        if (scores == null) {
            vendors.remove(vendor);
        } else {
            vendors.put(vendor, scores);
        }
    }

    /** A block's members as DefectDojo reads them: strings for vectors, numbers for scores, later duplicates win. */
    private static Scores readScores(JsonParser parser, JsonFieldOrder members) throws IOException {
        String v40Vector = null;
        String v3Vector = null;
        Score v40Score = null;
        Score v3Score = null;
        Score v2Score = null;
        members.startObject();
        while (members.next(parser)) {
            int member = members.index();
            parser.nextToken();
            switch (member) {
                case 0 -> v2Score = number(parser);
                case 1 -> v3Vector = text(parser);
                case 2 -> v3Score = number(parser);
                case 3 -> v40Vector = text(parser);
                case 4 -> v40Score = number(parser);
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

    private static Score number(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token.isNumeric()) {
            return new Score(parser.getText(), token == JsonToken.VALUE_NUMBER_INT);
        }
        parser.skipChildren();
        return null;
    }

    /**
     * A score as the report writes it, made a double only when used: an entry has several scores
     * (V2 and V3 per vendor) and usually uses none of them, the vector being preferred.
     */
    static final class Score {
        private final String text;
        private final boolean integral;
        private Double value;

        Score(String text, boolean integral) {
            this.text = text;
            this.integral = integral;
        }

        /** What Jackson's {@code getDoubleValue()} gives: integers converted exactly (so "-0" is 0.0). */
        static Double value(Score score) {
            if (score == null) {
                return null;
            }
            if (score.value == null) {
                score.value = score.integral
                        ? new BigInteger(score.text).doubleValue()
                        : Double.parseDouble(score.text);
            }
            return score.value;
        }
    }
}
