package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies a person's edit (already validated by the API) to a finding: status flags and the
 * DefectDojo rules that tie them together (mitigating deactivates and stamps {@code mitigated},
 * reactivating clears the mitigation), other fields into the JSON body.
 */
final class FindingEditApplier {

    private FindingEditApplier() {}

    /** The edited finding and its edited JSON body. */
    record Edited(FindingState state, String body) {}

    static Edited apply(FindingState current, String currentBody, FindingEdit edit) {
        FindingState f = current.copy();
        ObjectNode body;
        try {
            body = (ObjectNode) Json.mapper().readTree(currentBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean activeSet = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = edit.changes().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> change = it.next();
            JsonNode value = change.getValue();
            switch (change.getKey()) {
                case "active" -> {
                    f.active = value.asBoolean();
                    activeSet = true;
                }
                case "verified" -> f.verified = value.asBoolean();
                case "false_p" -> f.falseP = value.asBoolean();
                case "duplicate" -> f.duplicate = value.asBoolean();
                case "out_of_scope" -> f.outOfScope = value.asBoolean();
                case "risk_accepted" -> f.riskAccepted = value.asBoolean();
                case "is_mitigated" -> f.isMitigated = value.asBoolean();
                case "mitigated" -> f.mitigated = value.isNull() ? null : toDateTime(value.asText());
                case "severity" -> f.severity = value.asText();
                case "title" -> f.title = value.asText();
                case "date" -> f.date = value.asText().substring(0, 10);
                case "cwe" -> f.cwe = value.asLong();
                case "component_name" -> f.componentName = value.isNull() ? null : value.asText();
                case "file_path" -> f.filePath = value.isNull() ? null : value.asText();
                case "unique_id_from_tool" -> f.uniqueIdFromTool = value.isNull() ? null : value.asText();
                default -> { }
            }
            body.set(change.getKey(), value);
        }
        boolean mitigatedSet = edit.changes().has("is_mitigated");
        if (mitigatedSet && f.isMitigated) {
            // DefectDojo's update_finding_status: mitigating closes the finding, stamped now unless given
            f.active = false;
            if (f.mitigated == null) {
                f.mitigated = toDateTime(edit.at());
            }
        }
        if (activeSet && f.active) {
            // reopening clears the mitigation
            f.isMitigated = false;
        }
        if (!f.isMitigated) {
            f.mitigated = null;
        }
        return new Edited(f, body.toString());
    }

    private static String toDateTime(String iso) {
        if (iso == null || iso.length() < 10) {
            return null;
        }
        return iso.length() >= 19 ? iso.substring(0, 10) + " " + iso.substring(11, 19) : iso.substring(0, 10) + " 00:00:00";
    }
}
