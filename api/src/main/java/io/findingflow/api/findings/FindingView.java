package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Severity;
import java.io.IOException;

/** A findings row (latest version) as DefectDojo's finding JSON. */
final class FindingView {

    private static final String[] BODY_TEXT = {
        "description", "mitigation", "impact", "references", "component_version", "vuln_id_from_tool",
        "cvssv3", "cvssv4", "url", "severity_justification", "service", "sast_source_object",
        "sast_sink_object", "sast_source_file_path"};
    private static final String[] BODY_NUMBERS = {
        "line", "cvssv3_score", "cvssv4_score", "epss_score", "nb_occurences", "scanner_confidence",
        "sast_source_line"};

    private FindingView() {}

    static ObjectNode of(ObjectNode row) {
        JsonNode body = parse(row.path("body").asText("{}"));
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("id", row.path("id").asLong());
        f.set("tags", body.path("tags").isArray() ? body.get("tags") : Json.mapper().createArrayNode());
        f.put("title", row.path("title").asText());
        f.put("date", row.path("date").asText());
        f.put("cwe", row.path("cwe").asLong());
        f.put("severity", row.path("severity").asText());
        for (String field : BODY_TEXT) {
            f.set(field, body.path(field).isMissingNode() ? Json.mapper().nullNode() : body.get(field));
        }
        for (String field : BODY_NUMBERS) {
            f.set(field, body.path(field).isMissingNode() ? Json.mapper().nullNode() : body.get(field));
        }
        f.put("active", bit(row, "active"));
        f.put("verified", bit(row, "verified"));
        f.put("false_p", bit(row, "false_p"));
        f.put("duplicate", bit(row, "duplicate"));
        long original = row.path("duplicate_finding").asLong();
        if (original == 0) {
            f.putNull("duplicate_finding");
        } else {
            f.put("duplicate_finding", original);
        }
        f.put("out_of_scope", bit(row, "out_of_scope"));
        f.put("risk_accepted", bit(row, "risk_accepted"));
        f.put("under_review", false);
        f.put("is_mitigated", bit(row, "is_mitigated"));
        JsonNode mitigated = row.get("mitigated");
        if (mitigated == null || mitigated.isNull() || mitigated.asText().isEmpty()) {
            f.putNull("mitigated");
        } else {
            f.put("mitigated", isoUtc(mitigated.asText()));
        }
        f.putNull("mitigated_by");
        Severity severity = Severity.parseOrNull(row.path("severity").asText());
        f.put("numerical_severity", (severity == null ? Severity.INFO : severity).numerical());
        f.put("hash_code", row.path("hash_code").asText());
        f.put("file_path", emptyToNull(row.path("file_path").asText()));
        f.put("component_name", emptyToNull(row.path("component_name").asText()));
        f.put("static_finding", body.path("static_finding").asBoolean(false));
        f.put("dynamic_finding", body.path("dynamic_finding").asBoolean(false));
        f.put("unique_id_from_tool", emptyToNull(row.path("unique_id_from_tool").asText()));
        f.put("created", isoUtc(row.path("created").asText()));
        f.put("test", row.path("test_id").asLong());
        ArrayNode ids = f.putArray("vulnerability_ids");
        body.path("vulnerability_ids").forEach(id -> ids.addObject().put("vulnerability_id", id.asText()));
        f.set("endpoints", body.path("endpoints").isArray() ? body.get("endpoints") : Json.mapper().createArrayNode());
        ArrayNode reqResp = f.putArray("request_response");
        body.path("req_resp").forEach(reqResp::add);
        f.putArray("found_by");
        f.putArray("notes");
        f.putArray("files");
        f.putNull("reporter");
        return f;
    }

    private static boolean bit(ObjectNode row, String column) {
        return row.path(column).asInt() == 1;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** "yyyy-MM-dd HH:mm:ss" (UTC) → "yyyy-MM-ddTHH:mm:ssZ" */
    private static String isoUtc(String clickHouseTime) {
        return clickHouseTime.length() >= 19 ? clickHouseTime.substring(0, 10) + "T" + clickHouseTime.substring(11, 19) + "Z"
                : clickHouseTime;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }
}
