package io.findingflow.api.custommetrics;

import java.time.Duration;
import java.util.Map;

/**
 * Custom metrics settings, from environment variables with defaults:
 * <ul>
 *   <li>{@code FF_METRIC_PRODUCERS} (4): transactional Kafka producers writing points in parallel
 *       (requests arriving while all are busy share the next transaction);</li>
 *   <li>{@code FF_METRIC_RETURN_WAIT_MS} (30000): how long {@code returnValue=true} waits for the
 *       bucket value before a 503 (the point itself is stored);</li>
 *   <li>{@code FF_METRIC_POLL_MS} (5): pause between ClickHouse polls while requests wait.</li>
 * </ul>
 */
public record CustomMetricsConfig(int producers, Duration returnWait, long pollMillis) {

    public static final String PRODUCERS = "FF_METRIC_PRODUCERS";
    public static final String RETURN_WAIT_MS = "FF_METRIC_RETURN_WAIT_MS";
    public static final String POLL_MS = "FF_METRIC_POLL_MS";

    public CustomMetricsConfig {
        if (producers < 1) {
            throw new IllegalArgumentException(PRODUCERS + " must be at least 1");
        }
        if (returnWait.isNegative() || returnWait.isZero()) {
            throw new IllegalArgumentException(RETURN_WAIT_MS + " must be positive");
        }
        if (pollMillis < 1) {
            throw new IllegalArgumentException(POLL_MS + " must be at least 1");
        }
    }

    public static CustomMetricsConfig fromEnv(Map<String, String> env) {
        return new CustomMetricsConfig(
                Integer.parseInt(env.getOrDefault(PRODUCERS, "4")),
                Duration.ofMillis(Long.parseLong(env.getOrDefault(RETURN_WAIT_MS, "30000"))),
                Long.parseLong(env.getOrDefault(POLL_MS, "5")));
    }
}
