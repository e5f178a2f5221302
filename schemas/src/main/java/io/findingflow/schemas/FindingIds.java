package io.findingflow.schemas;

/**
 * Finding ids are derived from the Kafka position of the record that created the finding, so a
 * replay after a crash recreates exactly the same ids and every sink write stays idempotent.
 */
public final class FindingIds {

    private FindingIds() {}

    public static long fromPosition(int partition, long offset) {
        if (partition < 0 || partition >= Topics.MAX_FINDING_PARTITIONS) {
            throw new IllegalArgumentException("partition out of range: " + partition);
        }
        return offset * Topics.MAX_FINDING_PARTITIONS + partition + 1;
    }
}
