package io.findingflow.jobs.custommetrics.records;

/**
 * Everything one (metric, key, bucket) needs to answer any data type: hits, sum, extremes, the
 * weighted sums of Average, and the First/Last points by date. A POJO for Flink's serializer.
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

    public MetricAggregate() {}
}
