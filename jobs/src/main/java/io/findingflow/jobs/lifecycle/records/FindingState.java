package io.findingflow.jobs.lifecycle.records;

/**
 * What the lifecycle job remembers of one finding for matching, metrics and its ClickHouse row:
 * small on purpose, because imports read many of them (their matches; all of a product's for
 * import-scan's close_old_findings). The DefectDojo JSON body is kept apart
 * (FindingLifecycleFunction's "bodies" state) and read only for changed findings.
 */
public class FindingState {
    public long id;
    public long productId;
    public long engagementId;
    public long testId;
    public String scanType;
    public String title;
    public String severity;
    /** YYYY-MM-DD */
    public String date;
    public String hashCode;
    public String uniqueIdFromTool;
    public long cwe;
    public String componentName;
    public String filePath;
    public boolean active;
    public boolean verified;
    public boolean falseP;
    public boolean duplicate;
    public long duplicateFinding;
    public boolean outOfScope;
    public boolean riskAccepted;
    public boolean isMitigated;
    /** "yyyy-MM-dd HH:mm:ss" UTC, or null */
    public String mitigated;
    /** "yyyy-MM-dd HH:mm:ss" UTC */
    public String created;

    public FindingState() {}

    public FindingState copy() {
        FindingState c = new FindingState();
        c.id = id;
        c.productId = productId;
        c.engagementId = engagementId;
        c.testId = testId;
        c.scanType = scanType;
        c.title = title;
        c.severity = severity;
        c.date = date;
        c.hashCode = hashCode;
        c.uniqueIdFromTool = uniqueIdFromTool;
        c.cwe = cwe;
        c.componentName = componentName;
        c.filePath = filePath;
        c.active = active;
        c.verified = verified;
        c.falseP = falseP;
        c.duplicate = duplicate;
        c.duplicateFinding = duplicateFinding;
        c.outOfScope = outOfScope;
        c.riskAccepted = riskAccepted;
        c.isMitigated = isMitigated;
        c.mitigated = mitigated;
        c.created = created;
        return c;
    }
}
