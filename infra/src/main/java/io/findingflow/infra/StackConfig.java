package io.findingflow.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The local stack's layout: one work directory ({@code FF_HOME}) and one block of ports per
 * {@code FF_PORT}, so two stacks with different FF_PORT/FF_HOME never collide. Every port can be
 * set on its own; by default they are {@code FF_PORT_BASE} (20000 + (FF_PORT mod 1000) × 10) + 0…5.
 */
public record StackConfig(
        Path home,
        int apiPort,
        int kafkaPort,
        int kafkaControllerPort,
        int clickHouseHttpPort,
        int clickHouseTcpPort,
        int clickHouseInterserverPort,
        int flinkRestPort,
        Map<String, String> env) {

    public static StackConfig fromEnv(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("FF_HOME", ".findingflow")).toAbsolutePath().normalize();
        int apiPort = Integer.parseInt(env.getOrDefault("FF_PORT", "8080"));
        int base = Integer.parseInt(env.getOrDefault("FF_PORT_BASE", String.valueOf(20000 + (apiPort % 1000) * 10)));
        return new StackConfig(
                home,
                apiPort,
                port(env, "FF_KAFKA_PORT", base),
                port(env, "FF_KAFKA_CONTROLLER_PORT", base + 1),
                port(env, "FF_CLICKHOUSE_HTTP_PORT", base + 2),
                port(env, "FF_CLICKHOUSE_TCP_PORT", base + 3),
                port(env, "FF_CLICKHOUSE_INTERSERVER_PORT", base + 4),
                port(env, "FF_FLINK_REST_PORT", base + 5),
                env);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return Integer.parseInt(env.getOrDefault(name, String.valueOf(fallback)));
    }

    /** An external Kafka (FF_KAFKA_BOOTSTRAP) replaces the local broker. */
    public boolean localKafka() {
        return !env.containsKey("FF_KAFKA_BOOTSTRAP");
    }

    /** An external ClickHouse (FF_CLICKHOUSE_URL) replaces the local server. */
    public boolean localClickHouse() {
        return !env.containsKey("FF_CLICKHOUSE_URL");
    }

    public String kafkaBootstrap() {
        return env.getOrDefault("FF_KAFKA_BOOTSTRAP", "127.0.0.1:" + kafkaPort);
    }

    public String clickHouseUrl() {
        return env.getOrDefault("FF_CLICKHOUSE_URL", "http://127.0.0.1:" + clickHouseHttpPort);
    }

    /** The environment every component reads (JobsConfig, ApiConfig), resolved from this layout. */
    public Map<String, String> componentEnv() throws IOException {
        Map<String, String> out = new LinkedHashMap<>(env);
        out.put("FF_HOME", home.toString());
        out.put("FF_PORT", String.valueOf(apiPort));
        out.put("FF_KAFKA_BOOTSTRAP", kafkaBootstrap());
        out.put("FF_CLICKHOUSE_URL", clickHouseUrl());
        out.putIfAbsent("FF_CHECKPOINT_DIR", home.resolve("flink/checkpoints").toUri().toString());
        out.putIfAbsent("FF_FLINK_REST_URL", "http://127.0.0.1:" + flinkRestPort);
        out.putIfAbsent("FF_UPLOAD_DIR", home.resolve("uploads").toString());
        out.putIfAbsent("FF_SECRET_KEY", secretKey());
        return out;
    }

    /** The server secret (token derivation), created once under FF_HOME unless FF_SECRET_KEY is set. */
    private String secretKey() throws IOException {
        Path file = home.resolve("secret_key");
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files.createDirectories(home);
            Files.writeString(file, HexFormat.of().formatHex(random));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return Files.readString(file).strip();
    }
}
