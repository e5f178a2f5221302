package io.findingflow.jobs.sink;

import com.clickhouse.client.api.ServerException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides what a failed insert means. Rows are produced by our own jobs, so a
 * server that refuses their content points at a bug or a schema mismatch: fail the job (it
 * restarts from the last checkpoint) rather than drop rows. Everything transient is retried.
 */
final class ClickHouseFailureClassifier {

    enum Kind {
        RETRIABLE,
        FATAL
    }

    /** Server error codes that retrying cannot fix: unknown table/column, bad data, syntax. */
    private static final Set<Integer> FATAL_CODES =
            Set.of(16, 26, 27, 33, 47, 60, 62, 81, 117, 158, 241);

    private ClickHouseFailureClassifier() {}

    static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServerException server) {
                return FATAL_CODES.contains(server.getCode()) ? Kind.FATAL : Kind.RETRIABLE;
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return Kind.RETRIABLE;
            }
        }
        // client-v2 wraps connection problems in its own runtime exceptions: retry those
        return Kind.RETRIABLE;
    }
}
