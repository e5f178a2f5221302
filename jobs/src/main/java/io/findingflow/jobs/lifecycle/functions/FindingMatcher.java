package io.findingflow.jobs.lifecycle.functions;

import io.findingflow.jobs.lifecycle.records.FindingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the existing finding a report finding is "the same as", by the scan type's DefectDojo
 * algorithm: hash_code, unique_id_from_tool, or either. Legacy matches on hash_code too, whose
 * legacy field set (title, cwe, line, file_path, description) is what legacy compares.
 * Candidates are kept in id order, so the oldest match wins as in DefectDojo.
 */
final class FindingMatcher {

    private final String algorithm;
    private final Map<String, List<FindingState>> byHash = new HashMap<>();
    private final Map<String, List<FindingState>> byUniqueId = new HashMap<>();

    FindingMatcher(String algorithm) {
        this.algorithm = algorithm == null ? "hash_code" : algorithm;
    }

    void add(FindingState finding) {
        if (usesHash() && notBlank(finding.hashCode)) {
            byHash.computeIfAbsent(finding.hashCode, k -> new ArrayList<>()).add(finding);
        }
        if (usesUniqueId() && notBlank(finding.uniqueIdFromTool)) {
            byUniqueId.computeIfAbsent(finding.uniqueIdFromTool, k -> new ArrayList<>()).add(finding);
        }
    }

    /** Every candidate matching {@code finding}, oldest first (may contain one twice for "either"). */
    List<FindingState> candidates(FindingState finding) {
        List<FindingState> result = new ArrayList<>();
        if (usesUniqueId() && notBlank(finding.uniqueIdFromTool)) {
            result.addAll(byUniqueId.getOrDefault(finding.uniqueIdFromTool, List.of()));
        }
        if (usesHash() && notBlank(finding.hashCode)) {
            for (FindingState candidate : byHash.getOrDefault(finding.hashCode, List.of())) {
                if (!result.contains(candidate)) {
                    result.add(candidate);
                }
            }
        }
        result.sort((a, b) -> Long.compare(a.id, b.id));
        return result;
    }

    private boolean usesHash() {
        return !algorithm.equals("unique_id_from_tool");
    }

    private boolean usesUniqueId() {
        return algorithm.startsWith("unique_id_from_tool");
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isEmpty();
    }
}
