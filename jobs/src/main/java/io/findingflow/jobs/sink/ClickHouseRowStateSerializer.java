package io.findingflow.jobs.sink;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;

/** Checkpoints rows still buffered in the writer (table name, then the JSON line as UTF-8). */
final class ClickHouseRowStateSerializer extends AsyncSinkWriterStateSerializer<ClickHouseRow> {

    @Override
    protected void serializeRequestToStream(ClickHouseRow row, DataOutputStream out)
            throws IOException {
        out.writeUTF(row.table());
        byte[] json = row.json().getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
    }

    @Override
    protected ClickHouseRow deserializeRequestFromStream(long size, DataInputStream in)
            throws IOException {
        String table = in.readUTF();
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return new ClickHouseRow(table, new String(json, StandardCharsets.UTF_8));
    }

    @Override
    public int getVersion() {
        return 1;
    }
}
