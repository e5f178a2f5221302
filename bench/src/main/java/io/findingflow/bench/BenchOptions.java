package io.findingflow.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./findingflow bench [--quick] [--findings N] [--product-types P] ...} plus the environment
 * the script sets. Quick mode fits in well under ten minutes on two cores; full mode aims at 10
 * million findings for the metrics figures (see {@link #pipelineFindings}).
 */
public record BenchOptions(
        boolean quick,
        long findings,
        long pipelineFindings,
        int productTypes,
        int months,
        int importClients,
        int parserFindings,
        int parserRuns,
        int rawMaxRows,
        int metricsRequests,
        int metricsClients,
        int listRequests,
        long customPoints,
        int customBatch,
        int customClients,
        int returnValueRequests,
        int returnValueClients,
        boolean profile,
        String reuseApiUrl,
        String reuseClickHouseUrl,
        Path home,
        int port,
        Path resultsDir,
        String stackClasspath,
        List<String> stackJvmOptions,
        String adminUser,
        String adminPassword,
        java.util.Set<String> only) {

    /**
     * The phases {@code --only} accepts; metrics and lists need e2e's data, so e2e runs whenever they
     * do — except lists on a reused stack (FF_BENCH_API_URL), which measures the findings already there.
     */
    static final List<String> PHASES = List.of("parsers", "e2e", "raw", "metrics", "lists", "custom", "returnValue");

    /** Whether a phase runs: all of them unless {@code --only} names some. */
    boolean runs(String phase) {
        return only.isEmpty() || only.contains(phase)
                || (phase.equals("e2e") && (only.contains("raw") || only.contains("metrics")
                        || (only.contains("lists") && reuseApiUrl == null)));
    }

    /** Whether any phase needs a stack (every phase but parsers does). */
    boolean needsStack() {
        return PHASES.stream().filter(p -> !p.equals("parsers")).anyMatch(this::runs);
    }

    static final String USAGE = """
            usage: ./findingflow bench [--quick] [--findings N] [--product-types P] [--months M] [--clients C]
                                       [--pipeline-findings N] [--profile] [--only PHASE,...]
              --quick               small run (under 10 minutes on 2 cores): 60,000 findings, 4 product types
              --findings N          findings behind the metrics figures (full default 10,000,000)
              --pipeline-findings N findings imported through the API (full default min(N, 1,000,000)); the rest
                                    of N is written straight to finding_month_counts for the metrics figures only
              --product-types P     product types (2 products each, 3 scanners each, M monthly scans)
              --months M            months of scans, up to the current one (quick 3, full 6)
              --clients C           concurrent import-scan clients (default 4)
              --profile             JFR recordings (stack and API JVMs per phase, this JVM for the parsers),
                                    summarized into the results; the .jfr files go next to them
              --only PHASE,...      just these phases (parsers, e2e, raw, metrics, lists, custom, returnValue); the
                                    figures of the others are reported as not measured; metrics and lists bring
                                    e2e's data (lists on a reused stack measures the findings it has)
            environment: FF_BENCH_API_URL (reuse a running stack; FF_BENCH_CLICKHOUSE_URL its ClickHouse),
              FF_BENCH_HOME, FF_BENCH_PORT (own stack), FF_BENCH_RESULTS, DD_ADMIN_USER, DD_ADMIN_PASSWORD""";

    static BenchOptions parse(String[] args, Map<String, String> env) {
        List<String> list = Arrays.asList(args);
        boolean quick = list.contains("--quick");
        long findings = quick ? 60_000 : 10_000_000;
        Long pipeline = null;
        int productTypes = quick ? 4 : 10;
        int months = quick ? 3 : 6;
        int clients = 4;
        boolean profile = false;
        java.util.Set<String> only = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> { }
                case "--profile" -> profile = true;
                case "--findings" -> findings = Long.parseLong(value(args, ++i));
                case "--pipeline-findings" -> pipeline = Long.parseLong(value(args, ++i));
                case "--product-types" -> productTypes = Integer.parseInt(value(args, ++i));
                case "--months" -> months = Integer.parseInt(value(args, ++i));
                case "--clients" -> clients = Integer.parseInt(value(args, ++i));
                case "--only" -> {
                    for (String phase : value(args, ++i).split(",")) {
                        if (!PHASES.contains(phase.strip())) {
                            throw new IllegalArgumentException("--only: unknown phase " + phase + " (one of " + PHASES + ")\n"
                                    + USAGE);
                        }
                        only.add(phase.strip());
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (findings < 1 || productTypes < 1 || months < 1 || months > 12 || clients < 1) {
            throw new IllegalArgumentException("--findings, --product-types, --clients must be positive, --months 1..12\n"
                    + USAGE);
        }
        long pipelineFindings = Math.min(findings, pipeline != null ? pipeline : quick ? findings : 1_000_000);
        Path home = Path.of(env.getOrDefault("FF_BENCH_HOME", "target/bench-stack")).toAbsolutePath();
        String jvmOptions = env.getOrDefault("FF_BENCH_STACK_JVM_OPTS", "").strip();
        return new BenchOptions(quick, findings, pipelineFindings, productTypes, months, clients,
                quick ? 30_000 : 100_000, quick ? 3 : 5,
                quick ? 200_000 : 300_000,
                quick ? 3_000 : 20_000, 4,
                quick ? 2_000 : 10_000,
                quick ? 150_000 : 1_000_000, 1_000, 4,
                quick ? 300 : 2_000, 4,
                profile,
                blankToNull(env.get("FF_BENCH_API_URL")),
                blankToNull(env.get("FF_BENCH_CLICKHOUSE_URL")),
                home,
                Integer.parseInt(env.getOrDefault("FF_BENCH_PORT", "18600")),
                Path.of(env.getOrDefault("FF_BENCH_RESULTS", "bench/results")).toAbsolutePath(),
                env.getOrDefault("FF_BENCH_STACK_CLASSPATH", System.getProperty("java.class.path")),
                jvmOptions.isEmpty() ? List.of() : List.of(jvmOptions.split("\\s+")),
                env.getOrDefault("DD_ADMIN_USER", "admin"),
                env.getOrDefault("DD_ADMIN_PASSWORD", "admin"),
                java.util.Set.copyOf(only));
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
