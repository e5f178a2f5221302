package io.findingflow.api.custommetrics;

/** One bucket per interval: its start, its last second and the next bucket's start (leap day, year end). */
final class MetricBuckets {

    private MetricBuckets() {}

    static String[] of(String interval) {
        return switch (interval) {
            case "Hourly" -> new String[] {"2024-02-29T23:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"};
            case "Daily" -> new String[] {"2024-02-29T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"};
            case "Weekly" -> new String[] {"2024-02-26T00:00:00Z", "2024-03-03T23:59:59Z", "2024-03-04T00:00:00Z"};
            case "Monthly" -> new String[] {"2024-02-01T00:00:00Z", "2024-02-29T23:59:59Z", "2024-03-01T00:00:00Z"};
            case "Yearly" -> new String[] {"2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z", "2025-01-01T00:00:00Z"};
            default -> throw new IllegalArgumentException(interval);
        };
    }
}
