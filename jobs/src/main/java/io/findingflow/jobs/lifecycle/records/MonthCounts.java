package io.findingflow.jobs.lifecycle.records;

/** The metrics/simple counters of one (product, month, severity); see finding_month_counts.sql. */
public class MonthCounts {
    public long totalVerified;
    public long totalAny;
    public long closedVerified;
    public long closedAny;

    public MonthCounts() {}
}
