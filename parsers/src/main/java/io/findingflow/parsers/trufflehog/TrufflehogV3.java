package io.findingflow.parsers.trufflehog;

import static io.findingflow.parsers.trufflehog.TrufflehogText.get;
import static io.findingflow.parsers.trufflehog.TrufflehogText.truthy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.Iterator;
import java.util.Map;

/**
 * A Trufflehog v3 line. The source (Git, Github, Filesystem, ...) is the first key under
 * {@code SourceMetadata.Data}; the same secret at the same place of the same commit is one finding.
 */
final class TrufflehogV3 {

    private TrufflehogV3() {}

    static void add(JsonNode json, Map<String, Finding> dupes) {
        JsonNode source = source(json);
        String file = get(source, "file", "");
        String commit = get(source, "commit", "");
        String detector = get(json, "DetectorName", "");
        JsonNode lineNode = source.has("line") ? source.get("line") : JsonNodeFactory.instance.numberNode(0);
        String link = get(source, "link", "");
        JsonNode linkNode = source.get("link");

        StringBuilder description = new StringBuilder()
                .append("**Repository:** ").append(get(source, "repository", "")).append('\n')
                .append("**Link:** ").append(link).append('\n')
                .append("**Commit Hash:** ").append(commit).append('\n')
                .append("**Commit Date:** ").append(get(source, "timestamp", "")).append('\n')
                .append("**Committer:** ").append(get(source, "email", "")).append('\n')
                .append("**Reason:** ").append(detector).append('\n')
                .append("**Path:** ").append(file).append('\n')
                .append("**Contents:** ").append(get(json, "Redacted", "")).append('\n');
        if (truthy(json.get("StructuredData"))) {
            description.append("**Structured Data:**\n").append(TrufflehogText.walk(json.get("StructuredData"), 1))
                    .append('\n');
        }
        if (truthy(json.get("ExtraData"))) {
            description.append("**Extra Data:**\n").append(TrufflehogText.walk(json.get("ExtraData"), 1)).append('\n');
        }
        boolean verified = truthy(json.get("Verified"));

        String key = file + detector + PythonText.str(lineNode) + commit + get(json, "Raw", "") + get(json, "RawV2", "");
        Finding first = dupes.get(key);
        if (first != null) {
            first.description = first.description + description;
            first.nbOccurences += 1;
            return;
        }
        Finding finding = new Finding();
        finding.title = "Hard Coded " + detector + " secret in: " + file;
        finding.cwe = 798;
        finding.description = description.toString();
        finding.severity = verified ? "Critical" : severity(detector);
        finding.mitigation = truthy(linkNode) ? TrufflehogText.MITIGATION + "\nSee the commit here: " + link
                : TrufflehogText.MITIGATION;
        finding.impact = TrufflehogText.IMPACT;
        finding.references = "N/A";
        finding.filePath = source.has("file") && source.get("file").isNull() ? null : file;
        finding.line = lineNode.isNumber() ? Integer.valueOf(lineNode.intValue()) : null;
        finding.url = "N/A";
        finding.staticFinding = true;
        finding.verified = verified;
        finding.nbOccurences = 1;
        dupes.put(key, finding);
    }

    /** The first source's metadata, or an empty object when the line has none. */
    private static JsonNode source(JsonNode json) {
        JsonNode data = json.path("SourceMetadata").path("Data");
        if (truthy(data) && data.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> sources = data.fields();
            JsonNode first = sources.next().getValue();
            if (!first.isObject()) {
                throw new IllegalArgumentException("source metadata is not an object");
            }
            return first;
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static String severity(String detector) {
        if (detector.contains("Oauth") || detector.contains("AWS") || detector.contains("Heroku")) {
            return "Critical";
        }
        if (detector.equals("PrivateKey")) {
            return "High";
        }
        return detector.equals("Generic Secret") ? "Medium" : "Critical";
    }
}
