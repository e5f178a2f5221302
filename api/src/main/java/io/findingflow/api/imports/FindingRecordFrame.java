package io.findingflow.api.imports;

import io.findingflow.schemas.FindingRecord;

/**
 * The finding-events records of one import's findings in the compact form ({@link FindingRecord}):
 * the import's part (import id, product) is encoded once per import and put before each spooled
 * finding part (typed fields and the finding's JSON bytes), nothing is encoded again per record.
 */
final class FindingRecordFrame {

    private final byte[] prefix;

    FindingRecordFrame(String importId, long productId) {
        this.prefix = FindingRecord.prefix(importId, productId);
    }

    /** The record for one spooled finding part ({@link FindingRecord#findingPart}). */
    byte[] around(byte[] findingPart) {
        return FindingRecord.record(prefix, findingPart);
    }
}
