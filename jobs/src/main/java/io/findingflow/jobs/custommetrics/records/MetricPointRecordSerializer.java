package io.findingflow.jobs.custommetrics.records;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * Writes {@link MetricPointRecord}s field by field: the fixed fields, then the point count and per
 * point value, weight and date. Strings go through {@link StringValue} (no 64 KB limit on keys).
 */
public final class MetricPointRecordSerializer extends TypeSerializerSingleton<MetricPointRecord> {

    public static final MetricPointRecordSerializer INSTANCE = new MetricPointRecordSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MetricPointRecord createInstance() {
        return new MetricPointRecord();
    }

    @Override
    public MetricPointRecord copy(MetricPointRecord from) {
        return new MetricPointRecord(from.metricId, from.dataType, from.interval, from.key, from.bucket,
                from.partition, from.offset, from.values.clone(), from.weights.clone(), from.dates.clone());
    }

    @Override
    public MetricPointRecord copy(MetricPointRecord from, MetricPointRecord reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MetricPointRecord record, DataOutputView out) throws IOException {
        out.writeLong(record.metricId);
        StringValue.writeString(record.dataType, out);
        StringValue.writeString(record.interval, out);
        StringValue.writeString(record.key, out);
        out.writeLong(record.bucket);
        out.writeInt(record.partition);
        out.writeLong(record.offset);
        int size = record.size();
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeDouble(record.values[i]);
            out.writeDouble(record.weights[i]);
            out.writeLong(record.dates[i]);
        }
    }

    @Override
    public MetricPointRecord deserialize(DataInputView in) throws IOException {
        long metricId = in.readLong();
        String dataType = StringValue.readString(in);
        String interval = StringValue.readString(in);
        String key = StringValue.readString(in);
        long bucket = in.readLong();
        int partition = in.readInt();
        long offset = in.readLong();
        int size = in.readInt();
        double[] values = new double[size];
        double[] weights = new double[size];
        long[] dates = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = in.readDouble();
            weights[i] = in.readDouble();
            dates[i] = in.readLong();
        }
        return new MetricPointRecord(metricId, dataType, interval, key, bucket, partition, offset, values, weights,
                dates);
    }

    @Override
    public MetricPointRecord deserialize(MetricPointRecord reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<MetricPointRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; version 1 is the layout above. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MetricPointRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
