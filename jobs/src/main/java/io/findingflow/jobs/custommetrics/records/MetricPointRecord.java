package io.findingflow.jobs.custommetrics.records;

/**
 * One point of the metric-points topic as the job sees it: the point, its bucket (epoch seconds,
 * computed once on reading) and its Kafka position, whose offset becomes the row version. A POJO
 * (public fields, no-arg constructor) for Flink's fast serializer.
 */
public class MetricPointRecord {
    public long metricId;
    /** MetricDataType label ("Sum", ...). */
    public String dataType;
    /** MetricInterval label ("Hourly", ...). */
    public String interval;
    /** The key of a keyed metric, "" otherwise. */
    public String key;
    public double value;
    public double weight;
    /** The point's instant, epoch milliseconds UTC. */
    public long date;
    /** The start of the point's bucket, epoch seconds UTC. */
    public long bucket;
    public int partition;
    public long offset;

    public MetricPointRecord() {}

    public MetricPointRecord(long metricId, String dataType, String interval, String key, double value,
            double weight, long date, long bucket, int partition, long offset) {
        this.metricId = metricId;
        this.dataType = dataType;
        this.interval = interval;
        this.key = key;
        this.value = value;
        this.weight = weight;
        this.date = date;
        this.bucket = bucket;
        this.partition = partition;
        this.offset = offset;
    }

    /** The keyed-state key: one aggregate per (metric, bucket, key); key last as it may hold '|'. */
    public String stateKey() {
        return metricId + "|" + bucket + "|" + key;
    }
}
