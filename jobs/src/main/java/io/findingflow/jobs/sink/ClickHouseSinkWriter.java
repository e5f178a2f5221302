package io.findingflow.jobs.sink;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inserts each batch as one INSERT per table (and row format) in the order the tables first appear,
 * with the tables readers wait on ({@link ClickHouseSink#LAST_TABLES}) last and in that order, so a
 * reader that sees an import's marker or a finding's new version also sees the counters.
 */
final class ClickHouseSinkWriter<InputT> extends AsyncSinkWriter<InputT, ClickHouseRow> {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

    private final Client client;
    private final Counter rowsWritten;
    private final Counter retries;

    ClickHouseSinkWriter(
            ElementConverter<InputT, ClickHouseRow> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<ClickHouseRow>> states,
            ClickHouseConnection connection) {
        super(converter, context, configuration, states);
        this.client = connection.newClient();
        this.rowsWritten = context.metricGroup().counter("clickhouseRowsWritten");
        this.retries = context.metricGroup().counter("clickhouseBatchRetries");
    }

    @Override
    protected void submitRequestEntries(
            List<ClickHouseRow> entries, ResultHandler<ClickHouseRow> result) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (List<ClickHouseRow> rows : byTable(entries)) {
            String table = rows.get(0).table();
            InsertFormat format = rows.get(0).format();
            byte[] body = render(rows);
            chain =
                    chain.thenCompose(
                            ignored ->
                                    insert(table, format, body)
                                            .thenAccept(response -> response.close()));
        }
        chain.whenComplete(
                (ignored, failure) -> {
                    if (failure == null) {
                        rowsWritten.inc(entries.size());
                        result.complete();
                        return;
                    }
                    if (ClickHouseFailureClassifier.classify(failure)
                            == ClickHouseFailureClassifier.Kind.FATAL) {
                        LOG.error("ClickHouse refused a batch of {} rows", entries.size(), failure);
                        result.completeExceptionally(
                                new IllegalStateException("ClickHouse refused rows", failure));
                    } else {
                        // the whole batch goes again; tables are idempotent (ReplacingMergeTree
                        // with versions), so rows of tables that did land are harmless repeats
                        LOG.warn("ClickHouse insert failed, retrying {} rows: {}", entries.size(), failure.toString());
                        retries.inc();
                        pause();
                        result.retryForEntries(entries);
                    }
                });
    }

    private CompletableFuture<InsertResponse> insert(String table, InsertFormat format, byte[] body) {
        ByteArrayInputStream data = new ByteArrayInputStream(body);
        return format.columns().isEmpty()
                ? client.insert(table, data, format.format())
                : client.insert(table, format.columns(), data, format.format());
    }

    /**
     * The batch's rows as one group per table and insert format (a table's rows restored from an
     * older checkpoint may be in another format than new ones), tables in order of first
     * appearance, {@link ClickHouseSink#LAST_TABLES} last in that order.
     */
    static List<List<ClickHouseRow>> byTable(List<ClickHouseRow> entries) {
        Map<String, Map<InsertFormat, List<ClickHouseRow>>> groups = new LinkedHashMap<>();
        Map<String, Map<InsertFormat, List<ClickHouseRow>>> last = new LinkedHashMap<>();
        for (ClickHouseRow row : entries) {
            Map<String, Map<InsertFormat, List<ClickHouseRow>>> target =
                    ClickHouseSink.LAST_TABLES.contains(row.table()) ? last : groups;
            target.computeIfAbsent(row.table(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(row.format(), f -> new ArrayList<>())
                    .add(row);
        }
        for (String table : ClickHouseSink.LAST_TABLES) {
            if (last.containsKey(table)) {
                groups.put(table, last.get(table));
            }
        }
        List<List<ClickHouseRow>> inserts = new ArrayList<>();
        groups.values().forEach(formats -> inserts.addAll(formats.values()));
        return inserts;
    }

    private static byte[] render(List<ClickHouseRow> rows) {
        int size = 0;
        for (ClickHouseRow row : rows) {
            size += row.line().length + 1;
        }
        byte[] body = new byte[size];
        int at = 0;
        for (ClickHouseRow row : rows) {
            System.arraycopy(row.line(), 0, body, at, row.line().length);
            at += row.line().length;
            body[at++] = '\n';
        }
        return body;
    }

    /** A short back-off before a retry, so a restarting server is not hammered. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Before every checkpoint (and at the end of input): inserts every buffered row, not only the
     * requests in flight, so a checkpoint holds no rows. Checkpointing buffered rows was 14% of the
     * stack JVM's samples during imports: rows are already in the buffer when a barrier follows an
     * import's end, and Flink 2.0 writes operator state to the checkpoint stream byte by byte.
     * The barrier waits for these inserts; rows reach ClickHouse before the checkpoint completes,
     * which exactly-once allows (inserts are idempotent, a replay writes the same rows again).
     */
    @Override
    public void flush(boolean endOfInput) throws InterruptedException {
        super.flush(true);
    }

    @Override
    protected long getSizeInBytes(ClickHouseRow row) {
        return row.line().length + row.table().length();
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
