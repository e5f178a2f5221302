package io.findingflow.jobs.sink;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
 * Inserts each batch as JSONEachRow, one INSERT per table in the order the tables first appear,
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
        for (Map.Entry<String, List<ClickHouseRow>> table : byTable(entries).entrySet()) {
            byte[] body = render(table.getValue());
            chain =
                    chain.thenCompose(
                            ignored ->
                                    client.insert(
                                                    table.getKey(),
                                                    new ByteArrayInputStream(body),
                                                    ClickHouseFormat.JSONEachRow)
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

    private static Map<String, List<ClickHouseRow>> byTable(List<ClickHouseRow> entries) {
        Map<String, List<ClickHouseRow>> groups = new LinkedHashMap<>();
        Map<String, List<ClickHouseRow>> last = new LinkedHashMap<>();
        for (ClickHouseRow row : entries) {
            Map<String, List<ClickHouseRow>> target =
                    ClickHouseSink.LAST_TABLES.contains(row.table()) ? last : groups;
            target.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row);
        }
        for (String table : ClickHouseSink.LAST_TABLES) {
            if (last.containsKey(table)) {
                groups.put(table, last.get(table));
            }
        }
        return groups;
    }

    private static byte[] render(List<ClickHouseRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 256);
        for (ClickHouseRow row : rows) {
            out.writeBytes(row.json().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** A short back-off before a retry, so a restarting server is not hammered. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected long getSizeInBytes(ClickHouseRow row) {
        return row.json().length() + row.table().length();
    }

    @Override
    public void close() {
        super.close();
        client.close();
    }
}
