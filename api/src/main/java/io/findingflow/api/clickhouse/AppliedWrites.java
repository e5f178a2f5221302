package io.findingflow.api.clickhouse;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the writes this API process has seen applied in ClickHouse (an import's completion row,
 * a finding's new version). Caches over ClickHouse tables compare the count with the one they last
 * validated at, so a caller's next read after its own write is never answered from older data.
 */
public final class AppliedWrites {

    private final AtomicLong applied = new AtomicLong();

    /** Called once a write of this process is visible in ClickHouse. */
    public void recordApplied() {
        applied.incrementAndGet();
    }

    public long count() {
        return applied.get();
    }
}
