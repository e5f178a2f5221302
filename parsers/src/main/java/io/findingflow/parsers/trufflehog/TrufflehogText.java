package io.findingflow.parsers.trufflehog;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import java.util.Iterator;
import java.util.Map;

/** Shared wording and value handling of both Trufflehog versions. */
final class TrufflehogText {

    static final String MITIGATION = "Secrets and passwords should be stored in a secure vault and/or secure storage.";
    static final String IMPACT = "This weakness can lead to the exposure of resources or functionality to unintended "
            + "actors, possibly providing attackers with sensitive information or even execute arbitrary code.";

    private TrufflehogText() {}

    /** Python's {@code str(d.get(key, absent))}. */
    static String get(JsonNode node, String field, String absent) {
        return node.has(field) ? PythonText.str(node.get(field)) : absent;
    }

    /** Python's {@code d.get(key)} used in string concatenation: a missing or non-string value is an error. */
    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is not a string");
        }
        return value.textValue();
    }

    /** "\tkey: value" lines; a nested object contributes its own entries one tab deeper, without its key. */
    static String walk(JsonNode node, int depth) {
        if (!truthy(node) || !node.isObject()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isObject()) {
                out.append(walk(entry.getValue(), depth + 1));
            } else {
                out.append("\t".repeat(depth)).append(entry.getKey()).append(": ")
                        .append(PythonText.str(entry.getValue())).append('\n');
            }
        }
        return out.toString();
    }

    static boolean truthy(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.size() > 0;
        }
        return value.isNumber() ? value.doubleValue() != 0 : value.asBoolean();
    }
}
