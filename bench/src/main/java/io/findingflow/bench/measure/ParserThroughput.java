package io.findingflow.bench.measure;

import io.findingflow.bench.Progress;
import io.findingflow.bench.reports.ReportGenerator;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Findings per second through {@link ParserRegistry} (parser + hash_code, what the API runs on an
 * upload) against a Jackson token walk of the same file, per format. Best of {@code runs} after a
 * warm-up of each, so JIT compilation is not measured; files are read from the page cache; a timing
 * repeats its read until it used half a second of CPU and takes the average. Time is
 * this JVM's CPU time (the reading thread plus the garbage collection it causes): both reads are
 * single-threaded, so on an idle machine it is about the wall time, and on a shared machine other
 * tenants do not distort it (wall times are kept too).
 */
public final class ParserThroughput {

    /** One format's result. */
    public record FormatResult(String format, String scanType, String baseline, long findings, long bytes,
            double parserSeconds, double baselineSeconds, double parserWallSeconds, double baselineWallSeconds) {
        public double parserPerSecond() {
            return findings / parserSeconds;
        }

        /** Parser throughput over the baseline's: 0.25 means four times slower than reading the tokens. */
        public double ratio() {
            return baselineSeconds / parserSeconds;
        }
    }

    /** This JVM's CPU time: the measuring thread plus the GC and JIT work it causes. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private ParserThroughput() {}

    public static List<FormatResult> run(int findings, int runs, Path workDir, Progress progress) throws Exception {
        ParserRegistry registry = ParserRegistry.standard();
        List<FormatResult> results = new ArrayList<>();
        for (ReportGenerator generator : ReportGenerator.all()) {
            Path file = Files.createTempFile(workDir, "bench-" + generator.name(), ".report");
            try {
                long expected;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    expected = generator.write(out, 0, findings);
                }
                parseOnce(registry, generator, file, expected);
                walkOnce(generator, file);
                double[] parser = {Double.MAX_VALUE, Double.MAX_VALUE};
                double[] baseline = {Double.MAX_VALUE, Double.MAX_VALUE};
                for (int run = 0; run < runs; run++) {
                    best(parser, parseOnce(registry, generator, file, expected));
                    best(baseline, walkOnce(generator, file));
                }
                FormatResult result = new FormatResult(generator.name(), generator.scanType(),
                        generator.baseline().name(), expected, Files.size(file), parser[0], baseline[0], parser[1],
                        baseline[1]);
                progress.line(String.format(java.util.Locale.ROOT,
                        "parser %-7s %,d findings, %.1f MB: parser %.3f s cpu (%,.0f/s; wall %.3f s), %s %.3f s cpu, "
                                + "ratio %.3f", generator.name(), expected, result.bytes() / 1e6, parser[0],
                        result.parserPerSecond(), parser[1], result.baseline(), baseline[0], result.ratio()));
                results.add(result);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        return results;
    }

    /** Each timing repeats its read until it used this much CPU: the JVM counts CPU time in 10 ms ticks. */
    private static final long MIN_CPU_NANOS = 500_000_000L;

    /** {cpu seconds, wall seconds} of one parse, averaged over as many as fill {@link #MIN_CPU_NANOS}. */
    private static double[] parseOnce(ParserRegistry registry, ReportGenerator generator, Path file, long expected)
            throws Exception {
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int times = 0;
        do {
            AtomicLong count = new AtomicLong();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                registry.parse(in, ScanContext.of(generator.scanType()), finding -> count.incrementAndGet());
            }
            if (count.get() != expected) {
                throw new IllegalStateException(generator.name() + ": parsed " + count.get() + " findings, expected "
                        + expected);
            }
            times++;
        } while (OS.getProcessCpuTime() - cpu < MIN_CPU_NANOS);
        return new double[] {(OS.getProcessCpuTime() - cpu) / 1e9 / times, (System.nanoTime() - start) / 1e9 / times};
    }

    private static double[] walkOnce(ReportGenerator generator, Path file) throws IOException {
        long cpu = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int times = 0;
        do {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                generator.baseline().walk(in);
            }
            times++;
        } while (OS.getProcessCpuTime() - cpu < MIN_CPU_NANOS);
        return new double[] {(OS.getProcessCpuTime() - cpu) / 1e9 / times, (System.nanoTime() - start) / 1e9 / times};
    }

    private static void best(double[] best, double[] run) {
        best[0] = Math.min(best[0], run[0]);
        best[1] = Math.min(best[1], run[1]);
    }
}
