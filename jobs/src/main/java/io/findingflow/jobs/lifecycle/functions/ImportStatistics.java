package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import java.util.List;

/**
 * DefectDojo's import statistics block: per severity (and total) the counts of active, verified,
 * duplicate, false_p, out_of_scope, is_mitigated, risk_accepted and total findings.
 */
final class ImportStatistics {

    private static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");
    private static final List<String> COUNTERS =
            List.of("active", "verified", "duplicate", "false_p", "out_of_scope", "is_mitigated",
                    "risk_accepted", "total");

    private ImportStatistics() {}

    static ObjectNode of(Iterable<FindingState> findings) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        for (String severity : SEVERITIES) {
            block.set(severity, empty());
        }
        block.set("total", empty());
        for (FindingState f : findings) {
            String severity = f.severity == null ? "info" : f.severity.toLowerCase(java.util.Locale.ROOT);
            ObjectNode bucket = (ObjectNode) block.get(SEVERITIES.contains(severity) ? severity : "info");
            count(bucket, f);
            count((ObjectNode) block.get("total"), f);
        }
        return block;
    }

    private static ObjectNode empty() {
        ObjectNode counters = JsonNodeFactory.instance.objectNode();
        COUNTERS.forEach(name -> counters.put(name, 0));
        return counters;
    }

    private static void count(ObjectNode counters, FindingState f) {
        increment(counters, "active", f.active);
        increment(counters, "verified", f.verified);
        increment(counters, "duplicate", f.duplicate);
        increment(counters, "false_p", f.falseP);
        increment(counters, "out_of_scope", f.outOfScope);
        increment(counters, "is_mitigated", f.isMitigated);
        increment(counters, "risk_accepted", f.riskAccepted);
        increment(counters, "total", true);
    }

    private static void increment(ObjectNode counters, String name, boolean when) {
        if (when) {
            counters.put(name, counters.get(name).asLong() + 1);
        }
    }
}
