package io.findingflow.jobs.lifecycle.records;

/**
 * One record of the finding-events topic as the job sees it: its Kafka position (which becomes ids
 * and row versions) and the JSON parts still unparsed, so Flink moves plain strings between
 * operators. A POJO (public fields, no-arg constructor) for Flink's fast serializer.
 */
public class FindingEventRecord {
    public String type;
    public String importId;
    public long productId;
    public int partition;
    public long offset;
    /** ImportHeader JSON on "begin". */
    public String header;
    /** The finding's DefectDojo JSON on "finding". */
    public String finding;
    /** FindingEdit JSON on "update". */
    public String edit;

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
