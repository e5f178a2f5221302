package io.findingflow.schemas;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where an import goes and how it is applied: DefectDojo's import-scan / reimport-scan options,
 * resolved by the API before anything is produced.
 *
 * @param reimport true for reimport-scan (match within the test), false for import-scan
 * @param dedupAlgorithm "hash_code", "unique_id_from_tool", "unique_id_from_tool_or_hash_code", "legacy"
 * @param scanDate the report's date (YYYY-MM-DD), used for findings without a date and as the
 *     {@code mitigated} time of findings closed by this import
 * @param closeOldScope "engagement" or "product": where import-scan's close_old_findings looks
 * @param testImport DefectDojo's Test_Import fields of this import as a JSON object (version,
 *     build_id, commit_hash, branch_tag, import_settings), written with its completion row; null
 *     for a manual finding and in records of older API versions
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ImportHeader(
        String importId,
        boolean reimport,
        long productTypeId,
        long productId,
        long engagementId,
        long testId,
        String scanType,
        String dedupAlgorithm,
        String scanDate,
        String importedAt,
        long userId,
        boolean closeOldFindings,
        String closeOldScope,
        boolean doNotReactivate,
        boolean deduplicate,
        boolean deduplicationOnEngagement,
        int findingCount,
        String testImport) {

    /** An import without Test_Import fields (a manual finding). */
    public ImportHeader(String importId, boolean reimport, long productTypeId, long productId, long engagementId,
            long testId, String scanType, String dedupAlgorithm, String scanDate, String importedAt, long userId,
            boolean closeOldFindings, String closeOldScope, boolean doNotReactivate, boolean deduplicate,
            boolean deduplicationOnEngagement, int findingCount) {
        this(importId, reimport, productTypeId, productId, engagementId, testId, scanType, dedupAlgorithm, scanDate,
                importedAt, userId, closeOldFindings, closeOldScope, doNotReactivate, deduplicate,
                deduplicationOnEngagement, findingCount, null);
    }
}
