package io.findingflow.parsers.snykcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code unique_id_from_tool} from SARIF fingerprints: per hash method ("name/v2" keys) the highest
 * version wins; the first method of {@code fingerprints}, or all {@code partialFingerprints}
 * sorted by method and joined with "|".
 */
final class SarifFingerprints {

    private SarifFingerprints() {}

    static String uniqueId(JsonNode result) {
        if (SnykCodeFindings.truthy(result.get("fingerprints"))) {
            Map<String, Version> hashes = latest(result.get("fingerprints"));
            return hashes.isEmpty() ? null : PythonText.str(hashes.values().iterator().next().value);
        }
        if (SnykCodeFindings.truthy(result.get("partialFingerprints"))) {
            Map<String, Version> sorted = new TreeMap<>(latest(result.get("partialFingerprints")));
            List<String> parts = new ArrayList<>();
            sorted.forEach((method, version) -> parts.add(method + ":" + PythonText.str(version.value)));
            return String.join("|", parts);
        }
        return null;
    }

    private static Map<String, Version> latest(JsonNode fingerprints) {
        Map<String, Version> methods = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fingerprints.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            String method = key;
            int version = 0;
            if (key.contains("/")) {
                String[] parts = key.split("/", -1);
                method = parts.length >= 2 ? parts[parts.length - 2] : "";
                version = versionNumber(parts[parts.length - 1]);
            }
            Version known = methods.get(method);
            if (known == null || known.number < version) {
                methods.put(method, new Version(version, entry.getValue()));
            }
        }
        return methods;
    }

    private static int versionNumber(String text) {
        try {
            return Integer.parseInt(text.replace("v", "").strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private record Version(int number, JsonNode value) {}
}
