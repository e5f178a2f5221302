package io.findingflow.bench.measure;

import com.clickhouse.client.api.Client;
import com.clickhouse.data.ClickHouseFormat;
import io.findingflow.bench.Progress;
import io.findingflow.jobs.sink.ClickHouseConnection;
import io.findingflow.jobs.sink.ClickHouseSink;
import io.findingflow.schemas.ClickHouseDdl;
import io.findingflow.schemas.Sql;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code raw_clickhouse_rows_per_s}, the limit the pipeline is compared with: the very rows the
 * lifecycle job wrote for the end-to-end run (read back from {@code findings}, latest version of
 * each) inserted again into an empty {@code findings} table of a scratch database, as JSONEachRow
 * batches of the sink's default size, from this JVM over client-v2 — the ClickHouse sink's own
 * path, with no Kafka, Flink or API in front. When the run loaded fewer than {@code minRows} rows,
 * the batches are sent several times over per run (more rows, steadier timing; ReplacingMergeTree
 * takes repeated rows like any others). Best of {@code runs}.
 */
public final class RawClickHouseInsert {

    public static final String SCRATCH_DATABASE = "findingflow_bench_raw";

    /** The result: rows, bytes, best seconds. */
    public record Result(long rows, long distinctRows, long bytes, int batchSize, int threads, double seconds) {
        public double rowsPerSecond() {
            return rows / seconds;
        }
    }

    private RawClickHouseInsert() {}

    public static Result run(ClickHouseHttp clickHouse, String database, Set<Long> products, int maxRows, int minRows,
            int threads, int runs, Progress progress) throws Exception {
        int batchSize = ClickHouseSink.DEFAULT_MAX_BATCH_SIZE;
        List<byte[]> distinct = readBack(clickHouse, database, products, maxRows, batchSize);
        long distinctRows = 0;
        long distinctBytes = 0;
        for (byte[] batch : distinct) {
            distinctBytes += batch.length;
            for (byte b : batch) {
                if (b == '\n') {
                    distinctRows++;
                }
            }
        }
        if (distinctRows == 0) {
            throw new IllegalStateException("no finding rows to read back");
        }
        long repeats = Math.max(1, (minRows + distinctRows - 1) / distinctRows);
        List<byte[]> batches = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            batches.addAll(distinct);
        }
        long rows = distinctRows * repeats;
        long bytes = distinctBytes * repeats;
        progress.line(String.format(Locale.ROOT, "raw: %,d finding rows (%.0f MB JSONEachRow) read back%s; inserting in "
                + "batches of %,d from %d threads", distinctRows, distinctBytes / 1e6,
                repeats > 1 ? ", sent " + repeats + " times per run" : "", batchSize, threads));
        clickHouse.query("CREATE DATABASE IF NOT EXISTS " + SCRATCH_DATABASE);
        String ddl = ClickHouseDdl.statements().get(ClickHouseDdl.TABLES.indexOf("findings"));
        double best = Double.MAX_VALUE;
        try (Client client = new ClickHouseConnection(clickHouse.url(), "default", "", SCRATCH_DATABASE).newClient()) {
            for (int run = 0; run < runs; run++) {
                clickHouse.query("DROP TABLE IF EXISTS " + SCRATCH_DATABASE + ".findings");
                clickHouse.query(ddl, "database=" + SCRATCH_DATABASE);
                double seconds = insertAll(client, batches, threads);
                // every insert was acknowledged; background merges may already have folded repeated rows
                // (ReplacingMergeTree), so check the distinct findings rather than the row count
                long landed = clickHouse.scalar("SELECT uniqExact(id) FROM " + SCRATCH_DATABASE + ".findings");
                if (landed != distinctRows) {
                    throw new IllegalStateException("raw insert: " + landed + " findings landed of " + distinctRows);
                }
                progress.line(String.format(Locale.ROOT, "raw: run %d: %.2f s, %,.0f rows/s", run + 1, seconds,
                        rows / seconds));
                best = Math.min(best, seconds);
            }
        } finally {
            clickHouse.query("DROP TABLE IF EXISTS " + SCRATCH_DATABASE + ".findings");
        }
        return new Result(rows, distinctRows, bytes, batchSize, threads, best);
    }

    private static double insertAll(Client client, List<byte[]> batches, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long begin = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (byte[] batch : batches) {
                futures.add(pool.submit(() -> {
                    client.insert("findings", new ByteArrayInputStream(batch), ClickHouseFormat.JSONEachRow)
                            .get(10, TimeUnit.MINUTES).close();
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return (System.nanoTime() - begin) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The latest version of each finding row of {@code products}, as JSONEachRow batches. */
    private static List<byte[]> readBack(ClickHouseHttp clickHouse, String database, Set<Long> products, int maxRows,
            int batchSize) throws Exception {
        String sql = "SELECT * FROM " + database + ".findings FINAL WHERE product_id IN (" + Sql.numbers(products)
                + ") LIMIT " + maxRows + " FORMAT JSONEachRow";
        List<byte[]> batches = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                clickHouse.stream(sql, "output_format_json_quote_64bit_integers=0"), StandardCharsets.UTF_8), 1 << 16)) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            int inBatch = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                batch.writeBytes(line.getBytes(StandardCharsets.UTF_8));
                batch.write('\n');
                if (++inBatch == batchSize) {
                    batches.add(batch.toByteArray());
                    batch = new ByteArrayOutputStream();
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                batches.add(batch.toByteArray());
            }
        }
        return batches;
    }
}
