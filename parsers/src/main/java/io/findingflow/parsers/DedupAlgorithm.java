package io.findingflow.parsers;

/** DefectDojo's deduplication / reimport matching algorithms (DEDUPLICATION_ALGORITHM_PER_PARSER). */
public enum DedupAlgorithm {
    HASH_CODE("hash_code"),
    UNIQUE_ID_FROM_TOOL("unique_id_from_tool"),
    UNIQUE_ID_FROM_TOOL_OR_HASH_CODE("unique_id_from_tool_or_hash_code"),
    LEGACY("legacy");

    private final String setting;

    DedupAlgorithm(String setting) {
        this.setting = setting;
    }

    /** The value as DefectDojo's settings spell it. */
    public String setting() {
        return setting;
    }
}
