package io.findingflow.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.bench.Progress;
import io.findingflow.bench.http.ApiClient;
import io.findingflow.bench.http.Latencies;
import io.findingflow.schemas.Sql;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code e2e_findings_per_s}: the plan's reports posted to {@code /api/v2/import-scan/} by
 * {@code clients} concurrent clients (each import answers once applied), then ClickHouse is asked
 * until every finding is there. Findings divided by the wall time from the first request to that
 * moment. Reports are generated to disk beforehand, so generating them is not measured.
 */
public final class EndToEndImports {

    /** What the run loaded, for the measurements that read it afterwards. */
    public record Result(long findings, int imports, long bytes, double seconds, double lastAnswerSeconds,
            Set<Long> productIds, Map<String, Long> productTypeIds, int incompleteAnswers, Latencies importLatency) {
        public double findingsPerSecond() {
            return findings / seconds;
        }
    }

    private EndToEndImports() {}

    public static Result run(ApiClient api, ClickHouseHttp clickHouse, String database, ImportPlan plan, int clients,
            Path workDir, Progress progress) throws Exception {
        Path reports = Files.createDirectories(workDir.resolve("reports"));
        List<Path> files = generate(plan, reports, progress);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        progress.line(String.format(Locale.ROOT, "e2e: %d reports, %,d findings, %.0f MB generated; importing with %d clients",
                files.size(), plan.totalFindings(), bytes / 1e6, clients));
        Set<Long> products = ConcurrentHashMap.newKeySet();
        Map<String, Long> productTypes = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicLong acknowledged = new AtomicLong();
        AtomicInteger incomplete = new AtomicInteger();
        Latencies latency = new Latencies(plan.imports().size());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long begin = System.nanoTime();
        try (AutoCloseable ticker = progress.every(5, () -> String.format(Locale.ROOT,
                "e2e: %d/%d imports answered, %,d findings applied, %,.0f/s", done.get(), plan.imports().size(),
                acknowledged.get(), acknowledged.get() / ((System.nanoTime() - begin) / 1e9)))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                List<ImportPlan.Import> mine = plan.forClient(c, clients);
                futures.add(pool.submit(() -> {
                    for (ImportPlan.Import i : mine) {
                        long start = System.nanoTime();
                        JsonNode answer = api.postMultipart("/api/v2/import-scan/", fields(i), i.generator().fileName(),
                                Files.readAllBytes(files.get(plan.imports().indexOf(i)))).expect(201, "import-scan").json();
                        latency.add(System.nanoTime() - start);
                        products.add(answer.path("product_id").asLong());
                        productTypes.put(i.productType(), answer.path("product_type_id").asLong());
                        if (!answer.path("deduplication_complete").asBoolean(true)) {
                            incomplete.incrementAndGet();
                        }
                        done.incrementAndGet();
                        acknowledged.addAndGet(i.count());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            double lastAnswer = (System.nanoTime() - begin) / 1e9;
            long visible = awaitVisible(clickHouse, database, products, plan.totalFindings(), progress);
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new Result(visible, plan.imports().size(), bytes, seconds, lastAnswer, new TreeSet<>(products),
                    new LinkedHashMap<>(productTypes), incomplete.get(), latency);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One import per scanner into a product of its own, untimed: the stack was just started, and
     * the measured run should see JIT-compiled code, as a stack that has been up a while would.
     */
    public static void warmUp(ApiClient api, String run, int findings, Progress progress) throws Exception {
        ImportPlan warm = ImportPlan.of(run + " warm-up", (long) findings * 3, 1, 1, java.time.LocalDate.now());
        for (ImportPlan.Import i : warm.imports()) {
            if (i.product().endsWith("-1")) {
                api.postMultipart("/api/v2/import-scan/", fields(i), i.generator().fileName(),
                        i.generator().bytes(i.first(), findings)).expect(201, "import-scan (warm-up)");
            }
        }
        progress.line(String.format(Locale.ROOT, "warm-up: 3 imports of %,d findings (untimed, own product type)",
                findings));
    }

    private static Map<String, String> fields(ImportPlan.Import i) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", i.generator().scanType());
        fields.put("product_type_name", i.productType());
        fields.put("product_name", i.product());
        fields.put("engagement_name", i.engagement());
        fields.put("auto_create_context", "true");
        fields.put("scan_date", i.scanDate().toString());
        fields.put("active", "true");
        fields.put("verified", "true");
        fields.put("minimum_severity", "Info");
        fields.put("close_old_findings", "false");
        return fields;
    }

    private static List<Path> generate(ImportPlan plan, Path dir, Progress progress) throws Exception {
        List<Path> files = new ArrayList<>(plan.imports().size());
        for (ImportPlan.Import i : plan.imports()) {
            Path file = dir.resolve(files.size() + "-" + i.generator().fileName());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                i.generator().write(out, i.first(), i.count());
            }
            files.add(file);
        }
        return files;
    }

    /** Polls ClickHouse until every finding of the run's products is there; returns how many are. */
    private static long awaitVisible(ClickHouseHttp clickHouse, String database, Set<Long> products, long expected,
            Progress progress) throws Exception {
        String sql = "SELECT count() FROM " + database + ".findings FINAL WHERE product_id IN ("
                + Sql.numbers(products) + ")";
        long deadline = System.nanoTime() + 600_000_000_000L;
        long seen = 0;
        while (System.nanoTime() < deadline) {
            seen = clickHouse.scalar(sql);
            if (seen >= expected) {
                return seen;
            }
            Thread.sleep(50);
        }
        progress.line("e2e: only " + seen + " of " + expected + " findings became visible within 10 minutes");
        return seen;
    }
}
