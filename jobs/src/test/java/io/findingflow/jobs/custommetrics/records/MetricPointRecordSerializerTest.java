package io.findingflow.jobs.custommetrics.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class MetricPointRecordSerializerTest {

    private final TypeSerializer<MetricPointRecord> serializer = MetricPointRecordSerializer.INSTANCE;

    private static MetricPointRecord record(String key) {
        return new MetricPointRecord(7, "Average", "Hourly", key, 1_700_000_000L, 2, 123_456_789_012L,
                new double[] {1.5, -2, Double.MIN_VALUE}, new double[] {1, 0.5, 3}, new long[] {1, 2, Long.MAX_VALUE});
    }

    private static void assertSame(MetricPointRecord actual, MetricPointRecord expected) {
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);
    }

    @Test
    void shouldRoundTripEveryField() throws Exception {
        for (String key : new String[] {"", "app|1", "ключ", "k".repeat(100_000)}) {
            MetricPointRecord record = record(key);
            DataOutputSerializer out = new DataOutputSerializer(64);
            serializer.serialize(record, out);
            serializer.serialize(record, out);
            DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
            assertSame(serializer.deserialize(in), record);
            assertSame(serializer.deserialize(serializer.createInstance(), in), record);
            assertThat(in.available()).isZero();
        }
    }

    @Test
    void shouldCopyDeeply() throws Exception {
        MetricPointRecord record = record("a");
        MetricPointRecord copy = serializer.copy(record);
        assertSame(copy, record);
        copy.values[0] = 99;
        assertThat(record.values[0]).isEqualTo(1.5);

        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    }

    @Test
    void shouldRestoreItselfFromItsSnapshot() throws Exception {
        TypeSerializerSnapshot<MetricPointRecord> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(16);
        snapshot.writeSnapshot(out);
        TypeSerializerSnapshot<MetricPointRecord> read = new MetricPointRecordSerializer.Snapshot();
        read.readSnapshot(snapshot.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());
        assertThat(read.restoreSerializer()).isSameAs(serializer);
        TypeSerializerSchemaCompatibility<MetricPointRecord> compatibility =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertThat(compatibility.isCompatibleAsIs()).isTrue();
    }
}
