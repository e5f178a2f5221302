package io.findingflow.schemas;

import java.util.List;

/**
 * Kafka topic names (prefixed with {@code FF_TOPIC_PREFIX}, default "ff.") and their layout.
 * Keys: product id for findings, metric id for metric points; entities use a single partition so
 * every API process applies entity changes in the same order.
 */
public record Topics(String prefix) {

    public static final Topics DEFAULT = new Topics("ff.");

    /** Compacted log of every entity change (users, tokens, product types, products, ...). 1 partition. */
    public String entities() {
        return prefix + "entities";
    }

    /**
     * Every finding change of a product, key = product id: imports (begin, findings, end) and single
     * finding edits share this one topic so a product's changes have one total order. That order is
     * what makes the lifecycle job deterministic on replay (ids and row versions are Kafka
     * positions), which two topics merged in Flink would not be.
     */
    public String findingEvents() {
        return prefix + "finding-events";
    }

    /** Custom metric data points, key = metric id. */
    public String metricPoints() {
        return prefix + "metric-points";
    }

    public List<String> all() {
        return List.of(entities(), findingEvents(), metricPoints());
    }

    /**
     * The partition count of the finding topics. Finding ids are derived from Kafka positions
     * ({@link FindingIds}), which allows at most this many partitions.
     */
    public static final int MAX_FINDING_PARTITIONS = 64;
}
