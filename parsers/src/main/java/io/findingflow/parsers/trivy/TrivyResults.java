package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.FindingSink;
import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.util.function.BiFunction;

/**
 * Streams one {@code Results[]} entry: the target's own fields, then its vulnerabilities one at a
 * time (a single image target can hold most of a 200 MB report), then misconfigurations, secrets
 * and licenses. Trivy writes Target/Class/Type before the finding lists; when a document does
 * not, the lists are buffered so the output is still in DefectDojo's order.
 */
final class TrivyResults {

    private TrivyResults() {}

    /** Reads the value at the parser's current token (a result object; anything else is skipped). */
    static void read(JsonParser parser, String service, FindingSink out) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        boolean hasTarget = false;
        JsonNode target = null;
        JsonNode targetClass = null;
        JsonNode type = null;
        JsonNode vulnerabilities = null;
        JsonNode misconfigurations = null;
        JsonNode secrets = null;
        JsonNode licenses = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "Target" -> {
                    hasTarget = true;
                    target = parser.readValueAsTree();
                }
                case "Class" -> targetClass = parser.readValueAsTree();
                case "Type" -> type = parser.readValueAsTree();
                case "Vulnerabilities" -> {
                    boolean inOrder = misconfigurations == null && secrets == null && licenses == null;
                    if (hasTarget && inOrder && value == JsonToken.START_ARRAY) {
                        TrivyTarget context = new TrivyTarget(target, targetClass, type, service);
                        TrivyVulnerabilityFields.RunState run = new TrivyVulnerabilityFields.RunState();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            readVulnerability(parser, context, run, out);
                        }
                    } else {
                        vulnerabilities = parser.readValueAsTree();
                    }
                }
                case "Misconfigurations" -> misconfigurations = parser.readValueAsTree();
                case "Secrets" -> secrets = parser.readValueAsTree();
                case "Licenses" -> licenses = parser.readValueAsTree();
                default -> parser.skipChildren();
            }
        }
        if (!hasTarget) {
            return;
        }
        TrivyTarget context = new TrivyTarget(target, targetClass, type, service);
        emitAll(vulnerabilities, context, TrivyVulnerability::toFinding, out);
        emitAll(misconfigurations, context, TrivyChecks::misconfiguration, out);
        emitAll(secrets, context, TrivyChecks::secret, out);
        emitAll(licenses, context, TrivyChecks::license, out);
    }

    private static void readVulnerability(JsonParser parser, TrivyTarget context, TrivyVulnerabilityFields.RunState run,
            FindingSink out)
            throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        Finding finding = TrivyVulnerability.toFinding(TrivyVulnerabilityFields.read(parser, run), context);
        if (finding != null) {
            out.accept(finding);
        }
    }

    private static void emitAll(
            JsonNode items, TrivyTarget context, BiFunction<JsonNode, TrivyTarget, Finding> mapper, FindingSink out) {
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                emit(item, context, mapper, out);
            }
        }
    }

    private static void emit(
            JsonNode item, TrivyTarget context, BiFunction<JsonNode, TrivyTarget, Finding> mapper, FindingSink out) {
        Finding finding = mapper.apply(item, context);
        if (finding != null) {
            out.accept(finding);
        }
    }
}
