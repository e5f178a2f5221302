package io.findingflow.jobs.lifecycle.records;

/**
 * The fields of a report finding the lifecycle job matches, counts and writes as columns, decoded
 * once from the finding-events record (FindingEventDeserializer) so nothing downstream parses the
 * finding's JSON again; the JSON itself travels as {@link FindingEventRecord#finding}, the row's body.
 * A POJO for Flink's own serializer.
 */
public class ReportedFinding {
    public String title;
    public String severity;
    /** As reported: any date or timestamp text, or null. */
    public String date;
    public String hashCode;
    public String uniqueIdFromTool;
    public long cwe;
    public String componentName;
    public String filePath;
    public boolean active;
    public boolean verified;
    public boolean falseP;
    public boolean outOfScope;
    public boolean riskAccepted;
    public boolean isMitigated;
    /** As reported, or null. */
    public String mitigated;

    public ReportedFinding() {}
}
