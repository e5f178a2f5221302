package io.findingflow.jobs.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/**
 * Checkpoints rows still buffered in the writer: the table name, the row's insert format (from
 * version 2; version 1 held JSONEachRow rows only), then the line's UTF-8 bytes.
 */
final class ClickHouseRowStateSerializer extends AsyncSinkWriterStateSerializer<ClickHouseRow> {

    private static final int JSON_ONLY_VERSION = 1;
    private static final int VERSION = 2;

    /** The version of the state being read: Flink's base class does not pass it down per row. */
    private int reading = VERSION;

    @Override
    protected void serializeRequestToStream(ClickHouseRow row, DataOutputStream out)
            throws IOException {
        out.writeUTF(row.table());
        out.writeUTF(row.format().key());
        out.writeInt(row.line().length);
        out.write(row.line());
    }

    @Override
    public synchronized BufferedRequestState<ClickHouseRow> deserialize(int version, byte[] serialized)
            throws IOException {
        if (version != JSON_ONLY_VERSION && version != VERSION) {
            throw new IOException("unknown ClickHouse sink state version " + version);
        }
        reading = version;
        try {
            return super.deserialize(version, serialized);
        } finally {
            reading = VERSION;
        }
    }

    @Override
    protected ClickHouseRow deserializeRequestFromStream(long size, DataInputStream in)
            throws IOException {
        String table = in.readUTF();
        InsertFormat format = reading == JSON_ONLY_VERSION ? InsertFormat.JSON_EACH_ROW : InsertFormat.fromKey(in.readUTF());
        byte[] line = new byte[in.readInt()];
        in.readFully(line);
        return new ClickHouseRow(table, format, line);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
