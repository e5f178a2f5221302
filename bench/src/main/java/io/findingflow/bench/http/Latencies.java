package io.findingflow.bench.http;

import java.util.Arrays;

/** Request latencies of one load run, in nanoseconds, with nearest-rank percentiles. */
public final class Latencies {

    private final long[] nanos;
    private int size;

    public Latencies(int capacity) {
        this.nanos = new long[capacity];
    }

    public synchronized void add(long latencyNanos) {
        if (size < nanos.length) {
            nanos[size++] = latencyNanos;
        }
    }

    public synchronized int count() {
        return size;
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, nearest rank; NaN when empty. */
    public synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    public synchronized double maxMillis() {
        return percentileMillis(100);
    }
}
