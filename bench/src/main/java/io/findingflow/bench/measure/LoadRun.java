package io.findingflow.bench.measure;

import io.findingflow.bench.Progress;
import io.findingflow.bench.http.Latencies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load generator in this JVM: {@code clients} threads send a fixed number of requests
 * in total, each thread the next one as soon as its previous answer arrived. A warm-up share of
 * requests runs first and is not counted.
 */
public final class LoadRun {

    /** One request; {@code n} is its sequence number. Throws when the answer is wrong. */
    @FunctionalInterface
    public interface Request {
        void send(int n) throws Exception;
    }

    /** Latencies of the counted requests and their wall time. */
    public record Result(Latencies latencies, int requests, int warmup, double seconds) {
        public double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private LoadRun() {}

    public static Result run(String name, int requests, int warmup, int clients, Request request, Progress progress)
            throws Exception {
        drive(warmup, clients, request, null, null, 0);
        Latencies latencies = new Latencies(requests);
        AtomicInteger done = new AtomicInteger();
        long begin = System.nanoTime();
        try (AutoCloseable ticker = progress.every(5, () -> String.format(Locale.ROOT, "%s: %,d/%,d requests", name,
                done.get(), requests))) {
            drive(requests, clients, request, latencies, done, warmup);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(latencies, requests, warmup, seconds);
    }

    private static void drive(int requests, int clients, Request request, Latencies latencies, AtomicInteger done,
            int offset) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int n = next.getAndIncrement(); n < requests; n = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        request.send(offset + n);
                        if (latencies != null) {
                            latencies.add(System.nanoTime() - start);
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
