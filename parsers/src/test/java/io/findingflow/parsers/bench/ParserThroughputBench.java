package io.findingflow.parsers.bench;

import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings per second through {@link ParserRegistry} (parser + hash_code) against a plain read of
 * the same file, for generated reports. Not a unit test: run it by hand,
 *
 * <pre>java -cp parsers/target/classes:parsers/target/test-classes:schemas/target/classes:$CP \
 *     io.findingflow.parsers.bench.ParserThroughputBench [--findings 100000] [--runs 3]</pre>
 *
 * It prints {@code parser_findings_per_s} and {@code parser_vs_jackson_ratio} (parser throughput
 * divided by the baseline's, so 0.25 means four times slower than reading the tokens) for the
 * first generator, and the same prefixed with each generator's name for all of them.
 */
public final class ParserThroughputBench {

    /** Formats measured; the first one provides the unprefixed headline metrics. */
    private static final List<ReportGenerator> GENERATORS = List.of(new TrivyReportGenerator());

    private ParserThroughputBench() {}

    public static void main(String[] args) throws Exception {
        int findings = 100_000;
        int runs = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--findings" -> findings = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ParserRegistry registry = ParserRegistry.standard();
        boolean headline = true;
        for (ReportGenerator generator : GENERATORS) {
            Path file = Files.createTempFile("ff-bench-" + generator.name(), ".report");
            try {
                long expected = generator.write(file, findings);
                Result result = measure(registry, generator, file, expected, runs);
                print(generator, file, result, headline);
                headline = false;
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private record Result(long findings, double parserSeconds, double baselineSeconds) {
        double parserPerSecond() {
            return findings / parserSeconds;
        }

        double baselinePerSecond() {
            return findings / baselineSeconds;
        }
    }

    /** Best of {@code runs} after one warm-up of each, so JIT compilation is not measured. */
    private static Result measure(ParserRegistry registry, ReportGenerator generator, Path file, long expected, int runs)
            throws Exception {
        parseOnce(registry, generator, file, expected);
        walkOnce(generator, file);
        double parser = Double.MAX_VALUE;
        double baseline = Double.MAX_VALUE;
        for (int run = 0; run < runs; run++) {
            parser = Math.min(parser, parseOnce(registry, generator, file, expected));
            baseline = Math.min(baseline, walkOnce(generator, file));
        }
        return new Result(expected, parser, baseline);
    }

    private static double parseOnce(ParserRegistry registry, ReportGenerator generator, Path file, long expected)
            throws Exception {
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            registry.parse(in, ScanContext.of(generator.scanType()), finding -> count.incrementAndGet());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (count.get() != expected) {
            throw new IllegalStateException(generator.name() + ": parsed " + count.get() + " findings, expected " + expected);
        }
        return seconds;
    }

    private static double walkOnce(ReportGenerator generator, Path file) throws Exception {
        long start = System.nanoTime();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            generator.baseline().walk(in);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(ReportGenerator generator, Path file, Result result, boolean headline) throws Exception {
        String prefix = generator.name() + "_";
        String baseline = generator.baseline().name();
        double ratio = result.parserPerSecond() / result.baselinePerSecond();
        System.out.printf(Locale.ROOT, "%sfindings=%d%n", prefix, result.findings());
        System.out.printf(Locale.ROOT, "%sfile_mb=%.1f%n", prefix, Files.size(file) / 1e6);
        System.out.printf(Locale.ROOT, "%sparser_seconds=%.3f%n", prefix, result.parserSeconds());
        System.out.printf(Locale.ROOT, "%s%s_seconds=%.3f%n", prefix, baseline, result.baselineSeconds());
        System.out.printf(Locale.ROOT, "%sparser_findings_per_s=%.0f%n", prefix, result.parserPerSecond());
        System.out.printf(Locale.ROOT, "%sparser_vs_%s_ratio=%.3f%n", prefix, baseline, ratio);
        if (headline) {
            System.out.printf(Locale.ROOT, "parser_findings_per_s=%.0f%n", result.parserPerSecond());
            System.out.printf(Locale.ROOT, "parser_vs_%s_ratio=%.3f%n", baseline, ratio);
        }
    }
}
