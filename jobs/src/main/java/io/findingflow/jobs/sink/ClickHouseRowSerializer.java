package io.findingflow.jobs.sink;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * {@link ClickHouseRow}s as table, insert format and line bytes. Rows are immutable once rendered
 * (nothing writes to a row's line after it is emitted), so copies between chained operators are
 * the row itself: without object reuse Flink copies every record passed to a chained operator,
 * which for a row would mean copying its whole line.
 */
public final class ClickHouseRowSerializer extends TypeSerializerSingleton<ClickHouseRow> {

    public static final ClickHouseRowSerializer INSTANCE = new ClickHouseRowSerializer();

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public ClickHouseRow createInstance() {
        return new ClickHouseRow("", InsertFormat.JSON_EACH_ROW, new byte[0]);
    }

    @Override
    public ClickHouseRow copy(ClickHouseRow from) {
        return from;
    }

    @Override
    public ClickHouseRow copy(ClickHouseRow from, ClickHouseRow reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ClickHouseRow row, DataOutputView out) throws IOException {
        StringValue.writeString(row.table(), out);
        StringValue.writeString(row.format().key(), out);
        out.writeInt(row.line().length);
        out.write(row.line());
    }

    @Override
    public ClickHouseRow deserialize(DataInputView in) throws IOException {
        String table = StringValue.readString(in);
        InsertFormat format = InsertFormat.fromKey(StringValue.readString(in));
        byte[] line = new byte[in.readInt()];
        in.readFully(line);
        return new ClickHouseRow(table, format, line);
    }

    @Override
    public ClickHouseRow deserialize(ClickHouseRow reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<ClickHouseRow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration; version 1 is the layout above. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ClickHouseRow> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
