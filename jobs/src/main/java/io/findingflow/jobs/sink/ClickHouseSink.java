package io.findingflow.jobs.sink;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Sink V2 to ClickHouse on Flink's {@link AsyncSinkBase}: batching by count, bytes and time,
 * back-pressure and checkpointed buffers come from Flink; inserts use client-v2 JSONEachRow over
 * HTTP (the only path that works on ClickHouse 18.16 as well as current servers).
 *
 * <p>Delivery is at least once; every table written here is idempotent (ReplacingMergeTree with
 * deterministic keys and versions), which makes the effect exactly once.
 */
public final class ClickHouseSink extends AsyncSinkBase<ClickHouseRow, ClickHouseRow> {

    /**
     * Tables inserted after the other rows of a batch, in this order: readers wait for a finding's
     * version (edits) or an import's marker, and must then also see the metrics counters.
     */
    static final List<String> LAST_TABLES = List.of("finding_month_counts", "findings", "imports");

    public static final int DEFAULT_MAX_BATCH_SIZE = 20_000;
    public static final int DEFAULT_MAX_BUFFERED = 200_000;
    public static final long DEFAULT_MAX_BATCH_BYTES = 32L << 20;
    public static final long DEFAULT_MAX_TIME_IN_BUFFER_MS = 100;
    public static final long DEFAULT_MAX_RECORD_BYTES = 16L << 20;

    private final ClickHouseConnection connection;

    ClickHouseSink(
            ClickHouseConnection connection,
            int maxBatchSize,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMs,
            long maxRecordSizeInBytes) {
        // one request in flight keeps batches in order: completion markers never overtake rows
        super(
                (row, context) -> row,
                maxBatchSize,
                1,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes);
        this.connection = connection;
    }

    public static ClickHouseSinkBuilder builder(ClickHouseConnection connection) {
        return new ClickHouseSinkBuilder(connection);
    }

    @Override
    public StatefulSinkWriter<ClickHouseRow, BufferedRequestState<ClickHouseRow>> createWriter(
            WriterInitContext context) throws IOException {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<ClickHouseRow, BufferedRequestState<ClickHouseRow>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<ClickHouseRow>> states)
            throws IOException {
        AsyncSinkWriterConfiguration configuration =
                AsyncSinkWriterConfiguration.builder()
                        .setMaxBatchSize(getMaxBatchSize())
                        .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                        .setMaxInFlightRequests(getMaxInFlightRequests())
                        .setMaxBufferedRequests(getMaxBufferedRequests())
                        .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                        .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                        .build();
        return new ClickHouseSinkWriter<>(
                getElementConverter(), context, configuration, states, connection);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<ClickHouseRow>> getWriterStateSerializer() {
        return new ClickHouseRowStateSerializer();
    }
}
