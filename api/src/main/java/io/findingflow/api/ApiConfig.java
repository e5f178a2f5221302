package io.findingflow.api;

import io.findingflow.schemas.Topics;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/** The API process's configuration, from environment variables with documented defaults. */
public record ApiConfig(
        int port,
        String kafkaBootstrap,
        Topics topics,
        String clickHouseUrl,
        String clickHouseUser,
        String clickHousePassword,
        String clickHouseDatabase,
        String flinkRestUrl,
        String secretKey,
        String adminUser,
        String adminPassword,
        String adminEmail,
        Duration importWait,
        long maxUploadBytes,
        ZoneId timeZone,
        boolean enforceVerified,
        boolean deduplication,
        int importProducers,
        String uploadDir,
        Duration readMaxStaleness) {

    public static ApiConfig fromEnv(Map<String, String> env) {
        return new ApiConfig(
                Integer.parseInt(env.getOrDefault("FF_PORT", "8080")),
                env.getOrDefault("FF_KAFKA_BOOTSTRAP", "127.0.0.1:20800"),
                new Topics(env.getOrDefault("FF_TOPIC_PREFIX", "ff.")),
                env.getOrDefault("FF_CLICKHOUSE_URL", "http://127.0.0.1:20802"),
                env.getOrDefault("FF_CLICKHOUSE_USER", "default"),
                env.getOrDefault("FF_CLICKHOUSE_PASSWORD", ""),
                env.getOrDefault("FF_CLICKHOUSE_DATABASE", "findingflow"),
                env.getOrDefault("FF_FLINK_REST_URL", "http://127.0.0.1:20805"),
                env.getOrDefault("FF_SECRET_KEY", ""),
                env.getOrDefault("DD_ADMIN_USER", "admin"),
                env.getOrDefault("DD_ADMIN_PASSWORD", "admin"),
                env.getOrDefault("DD_ADMIN_MAIL", "admin@findingflow.local"),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("FF_IMPORT_WAIT_MS", "120000"))),
                Long.parseLong(env.getOrDefault("DD_SCAN_FILE_MAX_SIZE", "100")) * 1024 * 1024,
                ZoneId.of(env.getOrDefault("DD_TIME_ZONE", "UTC")),
                bool(env.getOrDefault("DD_METRICS_ENFORCE_VERIFIED", "True")),
                bool(env.getOrDefault("DD_ENABLE_DEDUPLICATION", "False")),
                Integer.parseInt(env.getOrDefault("FF_IMPORT_PRODUCERS", "4")),
                env.getOrDefault("FF_UPLOAD_DIR", System.getProperty("java.io.tmpdir")),
                Duration.ofMillis(Long.parseLong(env.getOrDefault("FF_READ_MAX_STALENESS_MS", "50"))));
    }

    private static boolean bool(String value) {
        return value.equalsIgnoreCase("true") || value.equals("1");
    }

    /** Masks secrets for the start-up log line. */
    @Override
    public String toString() {
        return "ApiConfig[port=" + port + ", kafka=" + kafkaBootstrap + ", clickhouse=" + clickHouseUrl
                + "/" + clickHouseDatabase + ", flink=" + flinkRestUrl + ", admin=" + adminUser
                + ", secretKey=****, adminPassword=****, importWait=" + importWait
                + ", timeZone=" + timeZone + ", enforceVerified=" + enforceVerified
                + ", deduplication=" + deduplication + "]";
    }
}
