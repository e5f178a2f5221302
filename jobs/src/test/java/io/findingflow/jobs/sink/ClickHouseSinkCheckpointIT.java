package io.findingflow.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.flink.streaming.runtime.operators.sink.SinkWriterOperatorFactory;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sink inserts every buffered row before a checkpoint, so checkpoints carry no rows. */
class ClickHouseSinkCheckpointIT {

    @RegisterExtension
    static final ClickHouseTestDatabase.PerClass DATABASE = ClickHouseTestDatabase.perClass("sinkcheckpoint");

    @Test
    void shouldInsertEveryBufferedRowBeforeACheckpoint() throws Exception {
        // neither the batch size nor the buffer time is reached: the harness's clock does not move
        ClickHouseSink sink = ClickHouseSink.builder(DATABASE.get().connection())
                .maxBatchSize(10_000).maxTimeInBufferMs(3_600_000).build();
        try (OneInputStreamOperatorTestHarness<ClickHouseRow, ?> harness =
                new OneInputStreamOperatorTestHarness<>(new SinkWriterOperatorFactory<>(sink))) {
            harness.open();
            int rows = 2_500;
            for (int i = 1; i <= rows; i++) {
                harness.processElement(new ClickHouseRow("imports", InsertFormat.tabSeparated(
                        java.util.List.of("import_id", "version")),
                        ("import-" + i + "\t" + i).getBytes(StandardCharsets.UTF_8)), 0L);
            }
            assertThat(DATABASE.get().scalar("SELECT count() FROM imports")).isEqualTo("0");

            harness.prepareSnapshotPreBarrier(1);

            assertThat(DATABASE.get().scalar("SELECT count() FROM imports")).isEqualTo(Integer.toString(rows));
            assertThat(DATABASE.get().scalar("SELECT max(version) FROM imports")).isEqualTo(Integer.toString(rows));
            harness.snapshot(1, 0L);
        }
    }
}
