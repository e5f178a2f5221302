package io.findingflow.api.clickhouse;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Tells caches over one ClickHouse table which version of it they may answer from: the table's
 * {@link TableVersion} token, re-read at most every {@code maxStaleness} and always right after this
 * process saw one of its own writes applied ({@link AppliedWrites}). A caller therefore reads its own
 * writes at once, and other processes' writes within {@code maxStaleness} of their landing; zero
 * re-reads the token on every call.
 */
public final class TableWatch {

    private record Validated(String version, long appliedWrites, long atNanos) {}

    private final Supplier<String> token;
    private final LongSupplier appliedWrites;
    private final LongSupplier nanoClock;
    private final long maxStalenessNanos;
    private volatile Validated validated;

    public TableWatch(Supplier<String> token, LongSupplier appliedWrites, Duration maxStaleness, LongSupplier nanoClock) {
        this.token = token;
        this.appliedWrites = appliedWrites;
        this.maxStalenessNanos = maxStaleness.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A watch of {@code table} through the process's reader, on the system clock. */
    public static TableWatch of(ClickHouseReader clickHouse, String table, Duration maxStaleness) {
        TableVersion version = new TableVersion(clickHouse, table);
        return new TableWatch(version::current, clickHouse.appliedWrites()::count, maxStaleness, System::nanoTime);
    }

    /** The version cached answers must carry to be served now. */
    public String currentVersion() {
        long writes = appliedWrites.getAsLong(); // read before the token: a write seen later forces a re-read
        long now = nanoClock.getAsLong();
        Validated last = validated;
        if (last != null && last.appliedWrites() == writes && now - last.atNanos() < maxStalenessNanos) {
            return last.version();
        }
        Validated fresh = new Validated(token.get(), writes, now);
        validated = fresh;
        return fresh.version();
    }
}
