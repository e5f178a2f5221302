package io.findingflow.jobs.custommetrics.records;

import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The points of one metric-points Kafka record that fall into one bucket of one key, as the job
 * sees them: the bucket (epoch seconds, computed once on reading), the record's position (its
 * offset becomes the row version) and the points' values, weights and dates in arrival order.
 * Grouping a record's points per bucket before the {@code keyBy} means one state access per bucket
 * and record rather than per point, and the bucket's row never shows part of a record.
 *
 * <p>Crosses the {@code keyBy} through {@link MetricPointRecordSerializer} (not Flink's reflective
 * POJO serializer, which cost 9 % of the job's CPU); nothing keeps it in state.
 */
@TypeInfo(MetricPointRecordTypeInfo.Factory.class)
public class MetricPointRecord {
    public long metricId;
    /** MetricDataType label ("Sum", ...). */
    public String dataType;
    /** MetricInterval label ("Hourly", ...). */
    public String interval;
    /** The key of a keyed metric, "" otherwise. */
    public String key;
    /** The start of the points' bucket, epoch seconds UTC. */
    public long bucket;
    public int partition;
    public long offset;
    /** Per point, in arrival order: its value, its weight and its instant (epoch milliseconds UTC). */
    public double[] values;
    public double[] weights;
    public long[] dates;

    public MetricPointRecord() {}

    public MetricPointRecord(long metricId, String dataType, String interval, String key, long bucket,
            int partition, long offset, double[] values, double[] weights, long[] dates) {
        if (values.length != weights.length || values.length != dates.length || values.length == 0) {
            throw new IllegalArgumentException("values, weights and dates of the same points, at least one");
        }
        this.metricId = metricId;
        this.dataType = dataType;
        this.interval = interval;
        this.key = key;
        this.bucket = bucket;
        this.partition = partition;
        this.offset = offset;
        this.values = values;
        this.weights = weights;
        this.dates = dates;
    }

    /** How many points. */
    public int size() {
        return dates.length;
    }

    /** The keyed-state key: one aggregate per (metric, bucket, key); key last as it may hold '|'. */
    public String stateKey() {
        return metricId + "|" + bucket + "|" + key;
    }
}
