package io.findingflow.api.custommetrics;

import io.findingflow.api.clickhouse.ClickHouseUnavailableException;
import io.findingflow.api.custommetrics.MetricValueQueries.BucketRef;
import io.findingflow.api.custommetrics.MetricValueQueries.BucketValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code returnValue=true}: a point's bucket value is ready once the bucket's row carries a
 * version (Kafka offset) at least the point's own — one metric's points share a partition and the
 * job applies them in offset order, so that row includes the point, whoever else writes
 * concurrently. One thread polls ClickHouse for all waiting requests at once, so N concurrent
 * writers cost one query per poll, not N.
 *
 * <p>Polls are the API's main CPU cost of {@code returnValue} (and a ClickHouse query each), and a
 * point cannot be in ClickHouse before the job's coalescing and sink flush windows have passed, so a
 * request is first looked for {@link #FIRST_POLL_DELAY} after it arrived (earlier only along with
 * others already due).
 */
public final class MetricValueWaiter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MetricValueWaiter.class);
    private static final int MAX_REFS_PER_QUERY = 500;

    /** The job's row coalescing (5 ms) plus the sink's flush (10 ms): no point is in ClickHouse sooner. */
    static final Duration FIRST_POLL_DELAY = Duration.ofMillis(15);

    private record Waiter(BucketRef ref, long offset, long due, long deadline, CompletableFuture<Double> result) {}

    private final MetricValueQueries queries;
    private final Duration wait;
    private final long pollMillis;
    private final LinkedBlockingQueue<Waiter> incoming = new LinkedBlockingQueue<>();
    private final Thread poller;
    private volatile boolean running = true;

    public MetricValueWaiter(MetricValueQueries queries, Duration wait, long pollMillis) {
        this.queries = queries;
        this.wait = wait;
        this.pollMillis = pollMillis;
        this.poller = new Thread(this::run, "metric-value-waiter");
        this.poller.setDaemon(true);
    }

    public MetricValueWaiter start() {
        poller.start();
        return this;
    }

    /** The bucket's value once it includes the point at {@code offset}; a TimeoutException after the wait. */
    public CompletableFuture<Double> await(BucketRef ref, long offset) {
        CompletableFuture<Double> result = new CompletableFuture<>();
        long now = System.nanoTime();
        incoming.add(new Waiter(ref, offset, now + FIRST_POLL_DELAY.toNanos(), now + wait.toNanos(), result));
        return result;
    }

    private void run() {
        List<Waiter> active = new ArrayList<>();
        while (running) {
            try {
                if (active.isEmpty()) {
                    Waiter first = incoming.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    active.add(first);
                }
                incoming.drainTo(active);
                long wake = earliestDue(active) - System.nanoTime();
                if (wake > 0) {
                    TimeUnit.NANOSECONDS.sleep(wake);
                    continue;
                }
                poll(active);
                if (!active.isEmpty()) {
                    Thread.sleep(pollMillis);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("metric value poll failed: {}", e.toString());
            }
        }
    }

    private static long earliestDue(List<Waiter> active) {
        long earliest = Long.MAX_VALUE;
        for (Waiter waiter : active) {
            earliest = Math.min(earliest, waiter.due());
        }
        return earliest;
    }

    private void poll(List<Waiter> active) {
        Set<BucketRef> refs = new LinkedHashSet<>();
        for (int i = 0; i < active.size() && refs.size() < MAX_REFS_PER_QUERY; i++) {
            refs.add(active.get(i).ref());
        }
        Map<BucketRef, BucketValue> values = Map.of();
        try {
            values = queries.latest(refs);
        } catch (ClickHouseUnavailableException e) {
            LOG.debug("ClickHouse unavailable while waiting for metric values: {}", e.getMessage());
        }
        long now = System.nanoTime();
        for (Iterator<Waiter> it = active.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            BucketValue value = values.get(waiter.ref());
            if (value != null && value.version() >= waiter.offset()) {
                waiter.result().complete(value.value());
                it.remove();
            } else if (now - waiter.deadline() > 0) {
                waiter.result().completeExceptionally(new TimeoutException("no value for " + waiter.ref()));
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
