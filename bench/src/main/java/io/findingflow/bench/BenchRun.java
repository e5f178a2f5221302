package io.findingflow.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.bench.http.ApiClient;
import io.findingflow.bench.measure.ClickHouseHttp;
import io.findingflow.bench.measure.CustomMetricsLoad;
import io.findingflow.bench.measure.EndToEndImports;
import io.findingflow.bench.measure.ImportPlan;
import io.findingflow.bench.measure.ListEndpointsLoad;
import io.findingflow.bench.measure.LoadRun;
import io.findingflow.bench.measure.MetricsSimpleLoad;
import io.findingflow.bench.measure.MonthCountsTopUp;
import io.findingflow.bench.measure.ParserThroughput;
import io.findingflow.bench.measure.RawClickHouseInsert;
import io.findingflow.bench.stack.BenchStack;
import io.findingflow.bench.stack.CpuAccount;
import io.findingflow.bench.stack.StackProcesses;
import io.findingflow.infra.StackConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One benchmark run: each measurement in turn, a table row as each figure is known, JSON at the end. */
final class BenchRun {

    private final BenchOptions options;
    private final PrintStream out;
    private final Progress progress;
    private final Results results;
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private BenchStack stack;
    private ApiClient api;
    private ClickHouseHttp clickHouse;
    private ImportPlan plan;
    private EndToEndImports.Result loaded;
    private final PhaseAccounting accounting;
    private final Profiling profiling;
    private boolean complete = true;
    private String customMetricsMissing;

    BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.progress = new Progress(out);
        this.results = new Results(out);
        this.accounting = new PhaseAccounting(results, progress);
        this.profiling = new Profiling(options.profile(), options.resultsDir(), stamp, results, progress, out);
    }

    boolean run(String args) throws Exception {
        header(args);
        try {
            phase("parsers", List.of("parser_findings_per_s", "parser_vs_jackson_ratio"),
                    profiling.here("parsers", this::parsers));
            if (options.needsStack()) {
                phase("stack", List.of("cold_start_s"), this::startStack);
            }
            if (stack != null) {
                phase("warm-up", List.of(), this::warmUp);
                phase("e2e", List.of("e2e_findings_per_s"), profiling.onStack("e2e", this::processes, this::endToEnd));
                phase("raw", List.of("raw_clickhouse_rows_per_s", "e2e_vs_raw_ratio"), this::raw);
                phase("metrics", List.of("metrics_simple_p50_ms", "metrics_simple_p99_ms", "metrics_simple_rps"),
                        profiling.onStack("metrics", this::processes, this::metrics));
                phase("lists", List.of("list_p50_ms", "list_p99_ms"), profiling.onStack("lists", this::processes, this::lists));
                phase("custom", List.of("custom_points_per_s", "return_value_p99_ms"),
                        profiling.onStack("custom", this::processes, this::customPoints));
                phase("returnValue", List.of("return_value_p99_ms"), profiling.onStack("returnValue", this::processes, this::returnValue));
                phase("rss", List.of("stack_rss_mb"), this::rss);
            }
            for (String key : Results.KEYS) {
                if (!results.has(key)) {
                    results.notAvailable(key, stack == null && options.needsStack() ? "no stack" : "not measured (--only)");
                }
            }
        } finally {
            if (stack != null && stack.launchedHere()) {
                progress.line("stopping the stack");
                stack.close();
            }
        }
        results.finish(options.resultsDir().resolve(stamp + (options.quick() ? "-quick" : "") + ".json"));
        return complete;
    }

    private void header(String args) throws Exception {
        ObjectNode json = results.json();
        json.put("timestamp", LocalDateTime.now().toString());
        json.put("command", "./findingflow bench " + args);
        json.put("mode", options.quick() ? "quick" : "full");
        ObjectNode machine = json.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory_mb", memTotalMb());
        machine.put("cpu", cpuModel());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("load_average_at_start", Files.readString(Path.of("/proc/loadavg")).strip());
        ObjectNode o = json.putObject("options");
        o.put("findings", options.findings()).put("pipeline_findings", options.pipelineFindings())
                .put("product_types", options.productTypes()).put("months", options.months())
                .put("import_clients", options.importClients()).put("metrics_requests", options.metricsRequests())
                .put("metrics_clients", options.metricsClients()).put("list_requests", options.listRequests()).put("custom_points", options.customPoints())
                .put("return_value_requests", options.returnValueRequests());
        out.printf(Locale.ROOT, "FindingFlow benchmark (%s): %s%n", options.quick() ? "quick" : "full", json.get("command").asText());
        out.printf(Locale.ROOT, "machine: %d cores (%s), %,d MB memory, %s; load average at start %s%n",
                machine.get("cores").asInt(), machine.get("cpu").asText(), machine.get("memory_mb").asLong(),
                machine.get("java").asText(), machine.get("load_average_at_start").asText());
        out.printf(Locale.ROOT, "data: %,d findings through the API (%d product types × %d products × 3 scanners × %d months)"
                + "%s%n", options.pipelineFindings(), options.productTypes(), ImportPlan.PRODUCTS_PER_TYPE, options.months(),
                options.findings() > options.pipelineFindings() ? String.format(Locale.ROOT,
                        ", topped up to %,d findings for the metrics figures", options.findings()) : "");
        results.header();
    }

    private void phase(String name, List<String> keys, Phase phase) {
        if (!options.runs(name) && !List.of("stack", "warm-up", "rss").contains(name)) {
            return;
        }
        PhaseAccounting.Running counting = accounting.start(name, processes(), clickHouse);
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            complete = false;
            progress.line(name + " FAILED: " + e);
            results.details("failures").put(name, e.toString());
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            for (String key : keys) {
                if (!results.has(key)) {
                    results.notAvailable(key, name + " failed: " + reason);
                }
            }
        }
        counting.stop();
    }

    private void parsers() throws Exception {
        Files.createDirectories(options.home());
        List<ParserThroughput.FormatResult> formats = ParserThroughput.run(options.parserFindings(),
                options.parserRuns(), options.home(), progress);
        long findings = 0;
        double seconds = 0;
        double worst = Double.MAX_VALUE;
        String worstFormat = "";
        ArrayNode details = results.details("parsers").putArray("formats");
        for (ParserThroughput.FormatResult f : formats) {
            findings += f.findings();
            seconds += f.parserSeconds();
            if (f.ratio() < worst) {
                worst = f.ratio();
                worstFormat = f.format();
            }
            details.addObject().put("format", f.format()).put("scan_type", f.scanType()).put("baseline", f.baseline())
                    .put("findings", f.findings()).put("bytes", f.bytes()).put("parser_seconds", f.parserSeconds())
                    .put("baseline_seconds", f.baselineSeconds()).put("parser_wall_seconds", f.parserWallSeconds())
                    .put("baseline_wall_seconds", f.baselineWallSeconds()).put("parser_findings_per_s", f.parserPerSecond())
                    .put("parser_vs_jackson_ratio", f.ratio());
        }
        StringBuilder perFormat = new StringBuilder();
        for (ParserThroughput.FormatResult f : formats) {
            perFormat.append(String.format(Locale.ROOT, "%s %,.0f/s ratio %.2f; ", f.format(), f.parserPerSecond(), f.ratio()));
        }
        results.put("parser_findings_per_s", findings / seconds, "all three formats together (" + perFormat
                + "best of " + options.parserRuns() + ", JVM CPU time incl. GC, ParserRegistry incl. hash_code)");
        results.put("parser_vs_jackson_ratio", worst, "the worst format (" + worstFormat
                + ") vs a Jackson token walk of the same file");
    }

    private void startStack() throws Exception {
        BenchStack started;
        if (options.reuseApiUrl() != null) {
            String chUrl = options.reuseClickHouseUrl() != null ? options.reuseClickHouseUrl()
                    : StackConfig.fromEnv(Map.of("FF_PORT", String.valueOf(java.net.URI.create(options.reuseApiUrl())
                            .getPort()))).clickHouseUrl();
            started = BenchStack.reuse(options.reuseApiUrl(), chUrl, System.getenv().getOrDefault("FF_CLICKHOUSE_DATABASE",
                    "findingflow"));
            progress.line("reusing the stack at " + started.apiUrl() + " (ClickHouse " + chUrl + ")");
            results.notAvailable("cold_start_s", "stack reused (FF_BENCH_API_URL), not launched here");
        } else {
            Path apiClasspath = options.home().resolve("lib/api.classpath");
            if (!Files.exists(apiClasspath)) {
                throw new IllegalStateException(apiClasspath + " is missing: run through ./findingflow bench");
            }
            progress.line("launching the stack: FF_HOME=" + options.home() + " FF_PORT=" + options.port());
            started = BenchStack.launch(new BenchStack.Launch(options.home(), options.port(), options.stackClasspath(),
                    apiClasspath, options.stackJvmOptions(), System.getenv().getOrDefault("FF_STACK_HEAP", "1536m"),
                    Map.of("DD_ENABLE_DEDUPLICATION", "True")), progress::line);
            results.put("cold_start_s", started.coldStartSeconds().orElseThrow(),
                    "launching LocalStack (fresh FF_HOME: ClickHouse, Kafka, Flink jobs, API JVM) to the first /health 200");
            ObjectNode cold = results.details("cold_start_cpu_seconds");
            started.processes().cpuSeconds().forEach(cold::put);
        }
        try {
            api = new ApiClient(started.apiUrl());
            api.logIn(options.adminUser(), options.adminPassword());
            clickHouse = new ClickHouseHttp(started.clickHouseUrl());
            clickHouse.query("SELECT 1");
        } catch (Exception e) {
            started.close();
            throw e;
        }
        stack = started;
    }

    /**
     * Untimed imports and custom-metric points (JIT warm-up), then the stack's idle CPU rate, which
     * CPU per unit leaves out.
     */
    private void warmUp() throws Exception {
        EndToEndImports.warmUp(api, run, 2_000, progress);
        if (options.runs("custom") && CustomMetricsLoad.unavailable(api) == null) {
            // a tenth of the points, untimed, into a metric of its own: the JIT of the API and the
            // job's point path, as the imports above warm the import path
            long warm = CustomMetricsLoad.create(api, "bench-warm-" + run, "Sum", "Daily", true);
            CustomMetricsLoad.ingest(api, warm, options.customPoints() / 10, options.customBatch(),
                    options.customClients(), progress);
        }
        Thread.sleep(2_000);
        CpuAccount idle = CpuAccount.start(stack.processes());
        Thread.sleep(5_000);
        accounting.idle(idle.stop());
    }

    private void endToEnd() throws Exception {
        plan = ImportPlan.of(run, options.pipelineFindings(), options.productTypes(), options.months(), LocalDate.now());
        loaded = EndToEndImports.run(api, clickHouse, stack.clickHouseDatabase(), plan, options.importClients(),
                options.home(), progress);
        accounting.processed(loaded.findings(), "finding");
        ObjectNode d = results.details("e2e");
        d.put("findings", loaded.findings()).put("imports", loaded.imports()).put("findings_per_import", plan.perImport())
                .put("report_bytes", loaded.bytes()).put("seconds", loaded.seconds())
                .put("last_answer_seconds", loaded.lastAnswerSeconds()).put("clients", options.importClients())
                .put("answers_without_statistics", loaded.incompleteAnswers())
                .put("import_latency_p50_ms", loaded.importLatency().percentileMillis(50))
                .put("import_latency_p99_ms", loaded.importLatency().percentileMillis(99));
        if (loaded.findings() < plan.totalFindings()) {
            throw new IllegalStateException("only " + loaded.findings() + " of " + plan.totalFindings() + " findings visible");
        }
        results.put("e2e_findings_per_s", loaded.findingsPerSecond(), String.format(Locale.ROOT,
                "%,d findings in %d import-scan calls (%d clients, Trivy/ZAP/Nessus, %,.0f MB) until all in ClickHouse: "
                        + "%.1f s; import p50 %.0f ms", loaded.findings(), loaded.imports(), options.importClients(),
                loaded.bytes() / 1e6, loaded.seconds(), loaded.importLatency().percentileMillis(50)));
    }

    private StackProcesses processes() {
        return stack == null ? null : stack.processes();
    }

    private void raw() throws Exception {
        if (loaded == null) {
            throw new IllegalStateException("nothing was loaded (e2e failed)");
        }
        RawClickHouseInsert.Result raw = RawClickHouseInsert.run(clickHouse, stack.clickHouseDatabase(),
                loaded.productIds(), options.rawMaxRows(), 200_000, 2, 3, progress);
        accounting.processed(raw.rows() * 3, "row");
        results.details("raw").put("rows", raw.rows()).put("distinct_rows", raw.distinctRows()).put("bytes", raw.bytes())
                .put("batch_size", raw.batchSize())
                .put("threads", raw.threads()).put("seconds", raw.seconds());
        results.put("raw_clickhouse_rows_per_s", raw.rowsPerSecond(), String.format(Locale.ROOT,
                "the e2e run's %,d finding rows (%,d per run, %.0f MB) inserted into an empty table as JSONEachRow, "
                        + "batches of %,d, %d threads, client-v2, best of 3", raw.distinctRows(), raw.rows(),
                raw.bytes() / 1e6, raw.batchSize(), raw.threads()));
        results.put("e2e_vs_raw_ratio", results.value("e2e_findings_per_s") / raw.rowsPerSecond(),
                "e2e_findings_per_s / raw_clickhouse_rows_per_s");
    }

    private void metrics() throws Exception {
        if (loaded == null) {
            throw new IllegalStateException("nothing was loaded (e2e failed)");
        }
        String source = String.format(Locale.ROOT, "%,d findings loaded through the pipeline", loaded.findings());
        if (options.findings() > options.pipelineFindings()) {
            MonthCountsTopUp.Result topUp = MonthCountsTopUp.run(clickHouse, stack.clickHouseDatabase(),
                    loaded.productIds(), options.findings() - loaded.findings(), plan.perImport());
            source += String.format(Locale.ROOT, " + %,d written straight to finding_month_counts (%,d rows, as %,d "
                    + "further imports)", topUp.findings(), topUp.rows(), topUp.imports());
            results.details("metrics").put("direct_findings", topUp.findings()).put("direct_rows", topUp.rows());
        } else {
            Map<YearMonth, Long> expected = plan.expectedTotals(stack.launchedHere());
            Map<YearMonth, Long> seen = MetricsSimpleLoad.totals(api, plan.months(), loaded.productTypeIds().values());
            progress.line("metrics/simple Total per month: " + seen + (stack.launchedHere() ? ", expected " + expected
                    + (seen.equals(expected) ? " (match)" : " (MISMATCH)") : ""));
            results.details("metrics").put("totals_seen", seen.toString()).put("totals_expected", expected.toString());
        }
        results.details("metrics").put("source", source);
        LoadRun.Result load = MetricsSimpleLoad.run(api, plan.months(), loaded.productTypeIds().values(),
                options.metricsRequests(), options.metricsClients(), progress);
        accounting.processed(load.requests() + load.warmup(), "request");
        String how = String.format(Locale.ROOT, "%,d GETs, %d clients, loopback; data: %s", load.requests(),
                options.metricsClients(), source);
        results.put("metrics_simple_p50_ms", load.latencies().percentileMillis(50), how);
        results.put("metrics_simple_p99_ms", load.latencies().percentileMillis(99), "max " + String.format(Locale.ROOT,
                "%.1f ms", load.latencies().maxMillis()));
        results.put("metrics_simple_rps", load.requestsPerSecond(), String.format(Locale.ROOT, "%,d requests in %.1f s",
                load.requests(), load.seconds()));
    }

    /** Issue 5's figure: list endpoints with the e2e run's findings loaded (not one of issue 8's keys). */
    private void lists() throws Exception {
        if (loaded == null && stack.launchedHere()) {
            throw new IllegalStateException("nothing was loaded (e2e failed)");
        }
        ListEndpointsLoad.Result load = ListEndpointsLoad.run(api, options.listRequests(), options.metricsClients(),
                progress);
        accounting.processed(load.all().requests() + load.all().warmup(), "request");
        ObjectNode d = results.details("lists");
        d.put("findings_visible", load.findings()).put("requests", load.all().requests())
                .put("clients", options.metricsClients()).put("rps", load.all().requestsPerSecond());
        load.byKind().forEach((kind, latencies) -> d.putObject(kind).put("requests", latencies.count())
                .put("p50_ms", latencies.percentileMillis(50)).put("p99_ms", latencies.percentileMillis(99))
                .put("max_ms", latencies.maxMillis()));
        String how = String.format(Locale.ROOT, "%,d GETs of findings lists/detail and entity lists, %d clients, "
                + "%,d findings visible; findings lists p99 %.1f ms", load.all().requests(), options.metricsClients(),
                load.findings(), load.byKind().get("findings").percentileMillis(99));
        results.put("list_p50_ms", load.all().latencies().percentileMillis(50), how);
        results.put("list_p99_ms", load.all().latencies().percentileMillis(99), String.format(Locale.ROOT,
                "max %.1f ms, %.0f requests/s", load.all().latencies().maxMillis(), load.all().requestsPerSecond()));
    }

    private void customPoints() throws Exception {
        customMetricsMissing = CustomMetricsLoad.unavailable(api);
        if (customMetricsMissing != null) {
            results.notAvailable("custom_points_per_s", "custom metrics API not available: " + customMetricsMissing);
            return;
        }
        long sum = CustomMetricsLoad.create(api, "bench-sum-" + run, "Sum", "Daily", true);
        CustomMetricsLoad.IngestResult ingest = CustomMetricsLoad.ingest(api, sum, options.customPoints(),
                options.customBatch(), options.customClients(), progress);
        accounting.processed(ingest.points(), "point");
        results.details("custom").put("points", ingest.points()).put("batch", ingest.batchSize())
                .put("clients", ingest.clients()).put("seconds", ingest.seconds())
                .put("last_answer_seconds", ingest.lastAnswerSeconds());
        results.put("custom_points_per_s", ingest.pointsPerSecond(), String.format(Locale.ROOT,
                "%,d points in JSON arrays of %,d, %d clients, until the series counts all: %.1f s (last 204 at %.1f s)",
                ingest.points(), ingest.batchSize(), ingest.clients(), ingest.seconds(), ingest.lastAnswerSeconds()));
    }

    private void returnValue() throws Exception {
        if (customMetricsMissing != null) {
            results.notAvailable("return_value_p99_ms", "custom metrics API not available: " + customMetricsMissing);
            return;
        }
        long average = CustomMetricsLoad.create(api, "bench-avg-" + run, "Average", "Hourly", false);
        LoadRun.Result load = CustomMetricsLoad.returnValue(api, average, options.returnValueRequests(),
                options.returnValueClients(), progress);
        accounting.processed(load.requests() + load.warmup(), "request");
        results.details("custom").put("return_value_p50_ms", load.latencies().percentileMillis(50))
                .put("return_value_requests", load.requests());
        results.put("return_value_p99_ms", load.latencies().percentileMillis(99), String.format(Locale.ROOT,
                "%,d single points ?returnValue=true, %d clients; p50 %.0f ms, %.0f req/s", load.requests(),
                options.returnValueClients(), load.latencies().percentileMillis(50), load.requestsPerSecond()));
    }

    private void rss() {
        if (stack.processes() == null) {
            results.notAvailable("stack_rss_mb", "the stack's processes were not found on this machine");
            return;
        }
        Map<String, Double> rss = stack.processes().rssMb();
        double total = rss.values().stream().mapToDouble(Double::doubleValue).sum();
        ObjectNode node = results.details("rss_mb");
        rss.forEach(node::put);
        ObjectNode peak = results.details("peak_rss_mb");
        stack.processes().peakRssMb().forEach(peak::put);
        StringBuilder parts = new StringBuilder();
        rss.forEach((k, v) -> parts.append(String.format(Locale.ROOT, "%s %.0f, ", k, v)));
        results.put("stack_rss_mb", total, "sum of VmRSS after the run: " + parts.substring(0, parts.length() - 2));
    }

    private static long memTotalMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static String cpuModel() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown cpu";
    }
}
