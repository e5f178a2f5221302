package io.findingflow.parsers;

import java.util.List;
import java.util.Map;

/**
 * DefectDojo's per scan type deduplication configuration (HASHCODE_FIELDS_PER_SCANNER,
 * HASHCODE_ALLOWS_NULL_CWE, DEDUPLICATION_ALGORITHM_PER_PARSER of settings.dist.py). A scan type
 * with no field list hashes the legacy fields; unlisted scan types use the legacy algorithm.
 *
 * @param hashFields the fields concatenated into hash_code, or null for the legacy fields
 */
public record DedupSettings(List<String> hashFields, boolean allowsNullCwe, DedupAlgorithm algorithm) {

    private static final DedupSettings LEGACY = new DedupSettings(null, true, DedupAlgorithm.LEGACY);

    private static final Map<String, DedupSettings> BY_SCAN_TYPE =
            Map.ofEntries(
                    Map.entry("Trivy Scan", hash(List.of("title", "severity", "vulnerability_ids", "cwe", "description"), true)),
                    Map.entry("Semgrep JSON Report", new DedupSettings(null, true, DedupAlgorithm.UNIQUE_ID_FROM_TOOL_OR_HASH_CODE)),
                    Map.entry("Bandit Scan", hash(List.of("file_path", "line", "vuln_id_from_tool"), true)),
                    Map.entry("Dependency Check Scan", hash(List.of("title", "cwe", "file_path"), true)),
                    Map.entry("Snyk Code Scan", hash(List.of("vuln_id_from_tool", "file_path"), true)),
                    Map.entry("SonarQube Scan", hash(List.of("cwe", "severity", "file_path"), false)),
                    Map.entry("SonarQube Scan detailed", uniqueId()),
                    Map.entry("Checkmarx Scan", hash(List.of("cwe", "severity", "file_path"), false)),
                    Map.entry("Checkmarx Scan detailed", uniqueId()),
                    Map.entry("Burp REST API", uniqueId()),
                    Map.entry("ZAP Scan", hash(List.of("title", "cwe", "severity"), false)),
                    Map.entry("Tenable Scan", hash(List.of("title", "severity", "vulnerability_ids", "cwe", "description"), true)),
                    Map.entry("Qualys Scan", hash(List.of("title", "severity", "endpoints"), true)),
                    Map.entry("Gitleaks Scan", new DedupSettings(null, true, DedupAlgorithm.HASH_CODE)),
                    Map.entry("Trufflehog Scan", hash(List.of("title", "description", "line"), true)),
                    Map.entry("Checkov Scan", new DedupSettings(null, true, DedupAlgorithm.HASH_CODE)),
                    Map.entry("kube-bench Scan", hash(List.of("title", "vuln_id_from_tool", "description"), true)),
                    Map.entry("AWS Security Hub Scan", uniqueId()),
                    Map.entry("Azure Security Center Recommendations Scan", uniqueId()));

    public DedupSettings {
        hashFields = hashFields == null ? null : List.copyOf(hashFields);
    }

    /** The settings of a canonical scan type; DefectDojo's defaults for one it does not list. */
    public static DedupSettings forScanType(String scanType) {
        return BY_SCAN_TYPE.getOrDefault(scanType, LEGACY);
    }

    private static DedupSettings hash(List<String> fields, boolean allowsNullCwe) {
        return new DedupSettings(fields, allowsNullCwe, DedupAlgorithm.HASH_CODE);
    }

    private static DedupSettings uniqueId() {
        return new DedupSettings(null, true, DedupAlgorithm.UNIQUE_ID_FROM_TOOL);
    }
}
