package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import java.io.IOException;
import java.util.List;

/**
 * The {@code trivy k8s} cluster report: each workload of the three sections carries its own
 * {@code Results}, and its "namespace / Kind / name" becomes the findings' {@code service}.
 */
final class TrivyCluster {

    /** The sections in the order DefectDojo reads them. */
    static final List<String> SECTIONS = List.of("Vulnerabilities", "Misconfigurations", "Resources");

    private TrivyCluster() {}

    /** Reads a section array; the parser is on its START_ARRAY. */
    static void readSection(JsonParser parser, FindingSink out) throws IOException {
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            readWorkload(parser, out);
        }
    }

    private static void readWorkload(JsonParser parser, FindingSink out) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        JsonNode namespace = null;
        JsonNode kind = null;
        JsonNode name = null;
        boolean named = false;
        JsonNode results = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "Namespace" -> namespace = parser.readValueAsTree();
                case "Kind" -> kind = parser.readValueAsTree();
                case "Name" -> name = parser.readValueAsTree();
                case "Results" -> {
                    named = namespace != null && kind != null && name != null;
                    if (named && value == JsonToken.START_ARRAY) {
                        String service = serviceName(namespace, kind, name);
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            TrivyResults.read(parser, service, out);
                        }
                    } else {
                        results = parser.readValueAsTree();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (results != null && results.isArray()) {
            String service = serviceName(namespace, kind, name);
            try (JsonParser tree = results.traverse(parser.getCodec())) {
                tree.nextToken();
                while (tree.nextToken() != JsonToken.END_ARRAY) {
                    TrivyResults.read(tree, service, out);
                }
            }
        }
    }

    /** "ns / Kind / name" from the parts that are set. */
    static String serviceName(JsonNode namespace, JsonNode kind, JsonNode name) {
        StringBuilder service = new StringBuilder();
        for (JsonNode part : new JsonNode[] {namespace, kind, name}) {
            if (TrivyVulnerability.truthy(part)) {
                service.append(io.findingflow.parsers.PythonText.str(part)).append(" / ");
            }
        }
        return service.length() >= 3 ? service.substring(0, service.length() - 3) : service.toString();
    }
}
