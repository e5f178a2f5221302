package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Trivy JSON ({@code trivy image|fs|config --format json} and {@code trivy k8s}), in the three
 * layouts DefectDojo accepts, told apart by content: the legacy top-level list of results,
 * SchemaVersion 2 with {@code Results}, and the cluster report with {@code ClusterName}.
 */
public final class TrivyParser implements ScanParser {

    static final String SCAN_TYPE = "Trivy Scan";
    private static final String FORMAT = "Trivy";

    @Override
    public List<String> scanTypes() {
        return List.of(SCAN_TYPE);
    }

    @Override
    public String description() {
        return "Trivy JSON report (legacy list, SchemaVersion 2, Kubernetes cluster report): "
                + "vulnerabilities, misconfigurations, secrets and licenses. Deduplication: "
                + DedupSettings.forScanType(SCAN_TYPE).algorithm() + " on "
                + DedupSettings.forScanType(SCAN_TYPE).hashFields() + ".";
    }

    @Override
    public void parse(InputStream report, ScanContext context, FindingSink out) throws ParseException {
        JsonParser parser = JsonReports.open(report);
        try (parser) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ParseException("Invalid Trivy report: the file is empty");
            }
            if (first == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    TrivyResults.read(parser, null, out);
                }
            } else if (first == JsonToken.START_OBJECT) {
                readObject(parser, out);
            } else if (first != JsonToken.VALUE_NULL) {
                throw unsupported(parser);
            }
            if (parser.nextToken() != null) {
                throw new ParseException("Invalid Trivy report" + where(parser.currentLocation())
                        + ": unexpected content after the end of the JSON document");
            }
        } catch (IOException e) {
            throw JsonReports.error(FORMAT, e);
        } catch (RuntimeException e) {
            throw new ParseException("Invalid Trivy report" + where(parser.currentLocation())
                    + ": unexpected structure (" + e + ")", e);
        }
    }

    /** SchemaVersion 2 wins over ClusterName, as in DefectDojo; lists seen before the marker are buffered. */
    private static void readObject(JsonParser parser, FindingSink out) throws IOException, ParseException {
        JsonNode schemaVersion = null;
        boolean cluster = false;
        JsonNode results = null;
        JsonNode[] sections = new JsonNode[TrivyCluster.SECTIONS.size()];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int section = TrivyCluster.SECTIONS.indexOf(field);
            if (field.equals("SchemaVersion")) {
                schemaVersion = parser.readValueAsTree();
            } else if (field.equals("ClusterName")) {
                cluster = value != JsonToken.VALUE_NULL;
                parser.skipChildren();
            } else if (field.equals("Results") && isTwo(schemaVersion) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    TrivyResults.read(parser, null, out);
                }
            } else if (field.equals("Results")) {
                results = parser.readValueAsTree();
            } else if (section >= 0 && cluster && schemaVersion == null && value == JsonToken.START_ARRAY) {
                TrivyCluster.readSection(parser, out);
            } else if (section >= 0) {
                sections[section] = parser.readValueAsTree();
            } else {
                parser.skipChildren();
            }
        }
        if (isTwo(schemaVersion)) {
            replay(results, parser, out, false);
        } else if (cluster) {
            for (JsonNode buffered : sections) {
                replay(buffered, parser, out, true);
            }
        } else {
            throw unsupported(parser);
        }
    }

    private static void replay(JsonNode list, JsonParser origin, FindingSink out, boolean cluster)
            throws IOException {
        if (list == null || !list.isArray()) {
            return;
        }
        try (JsonParser tree = list.traverse(origin.getCodec())) {
            tree.nextToken();
            if (cluster) {
                TrivyCluster.readSection(tree, out);
            } else {
                while (tree.nextToken() != JsonToken.END_ARRAY) {
                    TrivyResults.read(tree, null, out);
                }
            }
        }
    }

    /** Python's {@code SchemaVersion == 2}: 2 and 2.0 match, "2" and true do not. */
    private static boolean isTwo(JsonNode version) {
        return version != null && version.isNumber() && version.doubleValue() == 2.0;
    }

    private static ParseException unsupported(JsonParser parser) {
        return new ParseException("Invalid Trivy report" + where(parser.currentLocation())
                + ": schema of Trivy json report is not supported (expected a list of results, "
                + "SchemaVersion 2 or a cluster report with ClusterName)");
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
