package io.findingflow.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Progress lines while a measurement runs ("  [  42 s] e2e: 120/360 imports ..."). */
public final class Progress {

    private final PrintStream out;
    private final long begin = System.nanoTime();

    public Progress(PrintStream out) {
        this.out = out;
    }

    public synchronized void line(String text) {
        out.printf(Locale.ROOT, "  [%4.0f s] %s%n", (System.nanoTime() - begin) / 1e9, text);
        out.flush();
    }

    /** Prints {@code status} every {@code seconds} until closed. */
    public AutoCloseable every(int seconds, Supplier<String> status) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> line(status.get()), seconds, seconds, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }
}
