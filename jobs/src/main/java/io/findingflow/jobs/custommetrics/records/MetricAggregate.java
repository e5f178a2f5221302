package io.findingflow.jobs.custommetrics.records;

/**
 * Everything one (metric, key, bucket) needs to answer any data type: hits, sum, extremes, the
 * weighted sums of Average, and the First/Last points by date; plus the offset of the last point
 * applied (the row version) and the pending flush. A POJO for Flink's serializer.
 */
public class MetricAggregate {
    public long count;
    public double sum;
    public double min;
    public double max;
    public double weightedSum;
    public double weightSum;
    public long firstDate;
    public double firstValue;
    public long lastDate;
    public double lastValue;
    /** MetricDataType label of the metric. */
    public String dataType;
    /** Kafka offset of the last point applied: the version of the bucket's row. */
    public long version;
    /** When the pending flush timer fires (processing time; 0: none), so a timer is set once per window. */
    public long flushAt;

    public MetricAggregate() {}
}
