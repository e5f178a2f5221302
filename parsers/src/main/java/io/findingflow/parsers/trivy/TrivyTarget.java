package io.findingflow.parsers.trivy;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * The scanned target a Trivy result describes (its Target, Class and Type as decoded JSON, null
 * when absent) and the Kubernetes service name of cluster reports (null otherwise).
 */
record TrivyTarget(JsonNode target, JsonNode targetClass, JsonNode type, String service,
        List<String> typeAndClassTags, List<String> classTags) {

    /** Every finding of a target gets the same tags: worked out once here, copied per finding. */
    TrivyTarget(JsonNode target, JsonNode targetClass, JsonNode type, String service) {
        this(target, targetClass, type, service, tagsOf(type, targetClass), tagsOf(null, targetClass));
    }

    String targetText() {
        return PythonText.str(target);
    }

    /** Python's {@code target_data.get("Type", "")}. */
    String typeText() {
        return type == null ? "" : PythonText.str(type);
    }

    boolean classIs(String... values) {
        if (targetClass == null || !targetClass.isTextual()) {
            return false;
        }
        for (String value : values) {
            if (value.equals(targetClass.textValue())) {
                return true;
            }
        }
        return false;
    }

    /** {@code [Type, Class]} (or just the class) with the absent and empty ones left out; a list of its own. */
    List<String> tags(boolean withType) {
        return new ArrayList<>(withType ? typeAndClassTags : classTags);
    }

    private static List<String> tagsOf(JsonNode type, JsonNode targetClass) {
        List<String> tags = new ArrayList<>(2);
        addTag(tags, type);
        addTag(tags, targetClass);
        return List.copyOf(tags);
    }

    private static void addTag(List<String> tags, JsonNode value) {
        if (value != null && !value.isNull()) {
            String text = PythonText.str(value);
            if (!text.isEmpty()) {
                tags.add(text);
            }
        }
    }
}
