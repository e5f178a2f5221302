package io.findingflow.jobs.lifecycle.records;

/**
 * One record of the finding-events topic as the job sees it: its Kafka position (which becomes ids
 * and row versions), a finding's fields decoded once ({@link #reported}) and the JSON parts kept
 * as text (the finding's becomes its row's body). A POJO (public fields, no-arg constructor) for
 * Flink's own serializer.
 */
public class FindingEventRecord {
    public String type;
    public String importId;
    public long productId;
    public int partition;
    public long offset;
    /** ImportHeader JSON on "begin". */
    public String header;
    /**
     * The finding's DefectDojo JSON on "finding" as text: records made without {@link #findingUtf8}
     * (buffered by an older version of the job, tests) or whose finding is not a JSON object.
     */
    public String finding;
    /** The finding's DefectDojo JSON on "finding", UTF-8 as read from Kafka (its row's body). */
    public byte[] findingUtf8;
    /**
     * A compact finding record (FindingRecord) as read from Kafka, until its import is applied:
     * until then the record crosses the network and waits in the pending-findings state as one byte
     * array, far cheaper to serialize than its decoded fields; {@link #reported} and
     * {@link #findingUtf8} are decoded from it when needed (FindingEventDeserializer.expand).
     */
    public byte[] compact;
    /** FindingEdit JSON on "update". */
    public String edit;
    /**
     * The finding's fields on "finding", decoded from {@link #finding}; null when the record was made
     * without them (records buffered by an older version of the job, tests), then decoded on use.
     */
    public ReportedFinding reported;

    public FindingEventRecord() {}

    public FindingEventRecord(
            String type, String importId, long productId, int partition, long offset,
            String header, String finding, String edit) {
        this.type = type;
        this.importId = importId;
        this.productId = productId;
        this.partition = partition;
        this.offset = offset;
        this.header = header;
        this.finding = finding;
        this.edit = edit;
    }
}
