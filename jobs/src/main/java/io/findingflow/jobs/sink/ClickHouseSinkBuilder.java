package io.findingflow.jobs.sink;

/** Named batching settings with defaults sized for this 2-core machine; see {@link ClickHouseSink}. */
public final class ClickHouseSinkBuilder {
    private final ClickHouseConnection connection;
    private int maxBatchSize = ClickHouseSink.DEFAULT_MAX_BATCH_SIZE;
    private int maxBufferedRequests = ClickHouseSink.DEFAULT_MAX_BUFFERED;
    private long maxBatchSizeInBytes = ClickHouseSink.DEFAULT_MAX_BATCH_BYTES;
    private long maxTimeInBufferMs = ClickHouseSink.DEFAULT_MAX_TIME_IN_BUFFER_MS;
    private long maxRecordSizeInBytes = ClickHouseSink.DEFAULT_MAX_RECORD_BYTES;

    ClickHouseSinkBuilder(ClickHouseConnection connection) {
        this.connection = connection;
    }

    public ClickHouseSinkBuilder maxBatchSize(int rows) {
        this.maxBatchSize = rows;
        return this;
    }

    public ClickHouseSinkBuilder maxBufferedRequests(int rows) {
        this.maxBufferedRequests = rows;
        return this;
    }

    public ClickHouseSinkBuilder maxBatchSizeInBytes(long bytes) {
        this.maxBatchSizeInBytes = bytes;
        return this;
    }

    public ClickHouseSinkBuilder maxTimeInBufferMs(long millis) {
        this.maxTimeInBufferMs = millis;
        return this;
    }

    public ClickHouseSinkBuilder maxRecordSizeInBytes(long bytes) {
        this.maxRecordSizeInBytes = bytes;
        return this;
    }

    public ClickHouseSink build() {
        return new ClickHouseSink(
                connection,
                maxBatchSize,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMs,
                maxRecordSizeInBytes);
    }
}
