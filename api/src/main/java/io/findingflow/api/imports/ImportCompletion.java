package io.findingflow.api.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Waits for an import's completion row, which the lifecycle job writes after the import's
 * findings; returns its statistics, or none when the bounded wait ran out.
 *
 * <p>Each waiting import is polled as before (after 20 ms, then twice as long each time, at most
 * every 250 ms), but one thread polls for all of them: an import whose poll is due within half its
 * pause is asked about in the same query, so concurrent imports share their SELECTs.
 */
public final class ImportCompletion {

    /** statistics is null when the import was not applied within the wait. */
    public record Result(JsonNode statistics) {}

    static final long FIRST_PAUSE_MS = 20;
    static final long MAX_PAUSE_MS = 250;

    /** One import being waited for. */
    private static final class Waiter {
        final CompletableFuture<JsonNode> statistics = new CompletableFuture<>();
        long pauseNanos = TimeUnit.MILLISECONDS.toNanos(FIRST_PAUSE_MS);
        long dueNanos;

        Waiter(long now) {
            dueNanos = now + pauseNanos;
        }
    }

    /** Completion rows (import_id, statistics) of the given imports, those that exist. */
    interface RowSource extends Function<List<String>, List<ObjectNode>> {}

    private final RowSource rows;
    private final Runnable applied;
    private final Duration wait;
    private final Map<String, Waiter> waiters = new LinkedHashMap<>();
    private Thread poller;

    public ImportCompletion(ClickHouseReader clickHouse, Duration wait) {
        this(ids -> clickHouse.rows("SELECT import_id, statistics FROM imports WHERE import_id IN ("
                + ids.stream().map(Sql::quote).collect(Collectors.joining(", ")) + ")"),
                clickHouse.appliedWrites()::recordApplied, wait);
    }

    /** @param applied told of every import seen applied (caches over ClickHouse then re-validate) */
    ImportCompletion(RowSource rows, Runnable applied, Duration wait) {
        this.rows = rows;
        this.applied = applied;
        this.wait = wait;
    }

    public Result await(String importId) throws InterruptedException {
        Waiter waiter = new Waiter(System.nanoTime());
        synchronized (this) {
            waiters.put(importId, waiter);
            if (poller == null) {
                poller = new Thread(this::poll, "import-completion");
                poller.setDaemon(true);
                poller.start();
            }
            notifyAll();
        }
        try {
            JsonNode statistics = waiter.statistics.get(wait.toNanos(), TimeUnit.NANOSECONDS);
            applied.run();
            return new Result(statistics);
        } catch (TimeoutException e) {
            return new Result(null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            synchronized (this) {
                waiters.remove(importId, waiter);
            }
        }
    }

    /** The poller: waits for the earliest due import, then asks about every import due soon. */
    private void poll() {
        while (true) {
            List<String> due;
            try {
                due = nextDue();
            } catch (InterruptedException e) {
                return;
            }
            List<ObjectNode> found = List.of();
            RuntimeException failure = null;
            try {
                found = rows.apply(due);
            } catch (RuntimeException e) {
                failure = e; // ClickHouse unavailable: every import asked about fails, as its own poll did
            }
            settle(due, found, failure);
        }
    }

    /** Blocks until some import's poll is due; returns it with those due within half their pause. */
    private synchronized List<String> nextDue() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long earliest = Long.MAX_VALUE;
            for (Waiter w : waiters.values()) {
                earliest = Math.min(earliest, w.dueNanos);
            }
            if (earliest <= now) {
                List<String> due = new ArrayList<>();
                for (Map.Entry<String, Waiter> e : waiters.entrySet()) {
                    Waiter w = e.getValue();
                    if (w.dueNanos - w.pauseNanos / 2 <= now) {
                        due.add(e.getKey());
                    }
                }
                return due;
            }
            if (earliest == Long.MAX_VALUE) {
                wait();
            } else {
                long nanos = earliest - now;
                wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        }
    }

    private synchronized void settle(List<String> polled, List<ObjectNode> found, RuntimeException failure) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        found.forEach(row -> byId.putIfAbsent(row.path("import_id").asText(), row));
        long now = System.nanoTime();
        for (String importId : polled) {
            Waiter w = waiters.get(importId);
            if (w == null) {
                continue; // timed out meanwhile
            }
            if (failure != null) {
                waiters.remove(importId);
                w.statistics.completeExceptionally(failure);
            } else if (byId.containsKey(importId)) {
                waiters.remove(importId);
                try {
                    w.statistics.complete(statistics(byId.get(importId)));
                } catch (RuntimeException unreadable) {
                    w.statistics.completeExceptionally(unreadable);
                }
            } else {
                w.pauseNanos = Math.min(w.pauseNanos * 2, TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MS));
                w.dueNanos = now + w.pauseNanos;
            }
        }
    }

    private static JsonNode statistics(ObjectNode row) {
        try {
            return Json.mapper().readTree(row.path("statistics").asText());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable statistics of import " + row.path("import_id").asText(), e);
        }
    }
}
