package io.findingflow.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

/** Buffered rows survive a checkpoint with their format; version 1 state (JSON rows only) still restores. */
class ClickHouseRowStateSerializerTest {

    private static final InsertFormat TSV = InsertFormat.tabSeparated(List.of("id", "body"));

    @Test
    void shouldRestoreRowsWithTheirInsertFormat() throws Exception {
        ClickHouseRowStateSerializer serializer = new ClickHouseRowStateSerializer();
        List<RequestEntryWrapper<ClickHouseRow>> rows = List.of(
                wrap(new ClickHouseRow("findings", TSV, "1\t{\\\\}".getBytes(StandardCharsets.UTF_8))),
                wrap(new ClickHouseRow("imports", "{\"import_id\":\"é\"}")));
        byte[] bytes = serializer.serialize(new BufferedRequestState<>(new ArrayList<>(rows)));

        List<ClickHouseRow> restored = entries(serializer.deserialize(serializer.getVersion(), bytes));

        assertThat(restored).hasSize(2);
        assertThat(restored.get(0).table()).isEqualTo("findings");
        assertThat(restored.get(0).format()).isEqualTo(TSV);
        assertThat(restored.get(0).format().columns()).containsExactly("id", "body");
        assertThat(restored.get(0).text()).isEqualTo("1\t{\\\\}");
        assertThat(restored.get(1).format()).isSameAs(InsertFormat.JSON_EACH_ROW);
        assertThat(restored.get(1).text()).isEqualTo("{\"import_id\":\"é\"}");
    }

    @Test
    void shouldRestoreVersionOneStateAsJsonRows() throws Exception {
        ClickHouseRowStateSerializer serializer = new ClickHouseRowStateSerializer();
        byte[] v1 = serializer.serialize(new BufferedRequestState<>(new ArrayList<>(List.of(
                wrap(new ClickHouseRow("findings", "{\"id\":1}"))))));
        // version 1 wrote the table, then the line, with nothing between: rebuild that layout
        byte[] line = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream entry = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(entry)) {
            out.writeUTF("findings");
            out.writeInt(line.length);
            out.write(line);
        }
        byte[] oldState = versionOneState(entry.toByteArray(), v1);

        List<ClickHouseRow> restored = entries(serializer.deserialize(1, oldState));

        assertThat(restored).singleElement().satisfies(row -> {
            assertThat(row.table()).isEqualTo("findings");
            assertThat(row.format()).isSameAs(InsertFormat.JSON_EACH_ROW);
            assertThat(row.text()).isEqualTo("{\"id\":1}");
        });
        // and the serializer reads its own version again afterwards
        assertThat(entries(serializer.deserialize(2, v1))).singleElement()
                .satisfies(row -> assertThat(row.text()).isEqualTo("{\"id\":1}"));
    }

    /**
     * Flink's envelope around the entries (identifier, count, then per entry its size and bytes) is
     * the same in both versions: take it from a version 2 state of one entry and put the old entry in.
     */
    private static byte[] versionOneState(byte[] oldEntry, byte[] v2OfOneEntry) throws Exception {
        java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(v2OfOneEntry));
        long identifier = in.readLong();
        int count = in.readInt();
        long size = in.readLong();
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(state)) {
            out.writeLong(identifier);
            out.writeInt(count);
            out.writeLong(size);
            out.write(oldEntry);
        }
        return state.toByteArray();
    }

    private static RequestEntryWrapper<ClickHouseRow> wrap(ClickHouseRow row) {
        return new RequestEntryWrapper<>(row, row.line().length);
    }

    private static List<ClickHouseRow> entries(BufferedRequestState<ClickHouseRow> state) {
        List<ClickHouseRow> rows = new ArrayList<>();
        state.getBufferedRequestEntries().forEach(wrapper -> rows.add(wrapper.getRequestEntry()));
        return rows;
    }
}
