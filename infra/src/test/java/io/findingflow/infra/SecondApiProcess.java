package io.findingflow.infra;

import io.findingflow.schemas.testing.StackClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Another API process on the test stack's Kafka and ClickHouse, as a second replica would run. */
final class SecondApiProcess implements AutoCloseable {

    private final ApiProcess process;
    private final int port;

    private SecondApiProcess(ApiProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondApiProcess start() throws IOException, InterruptedException {
        return start(Map.of());
    }

    /** With extra environment, e.g. another DefectDojo setting. */
    static SecondApiProcess start(Map<String, String> extraEnv) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path home = Files.createTempDirectory("ff-second-api");
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.put("FF_PORT", String.valueOf(port));
        env.put("FF_KAFKA_BOOTSTRAP", StackClient.env("FF_TEST_KAFKA_BOOTSTRAP", "127.0.0.1:20800"));
        env.put("FF_CLICKHOUSE_URL", StackClient.env("FF_TEST_CLICKHOUSE_URL", "http://127.0.0.1:20802"));
        env.put("FF_FLINK_REST_URL", StackClient.env("FF_TEST_FLINK_REST_URL", "http://127.0.0.1:20805"));
        env.put("FF_SECRET_KEY", StackClient.env("FF_TEST_SECRET_KEY", ""));
        env.put("FF_UPLOAD_DIR", home.resolve("uploads").toString());
        env.put("DD_ADMIN_USER", StackClient.env("FF_TEST_ADMIN_USER", "admin"));
        env.put("DD_ADMIN_PASSWORD", StackClient.env("FF_TEST_ADMIN_PASSWORD", "admin"));
        env.putAll(extraEnv);
        String classpath = Files.readString(Path.of(StackClient.env("FF_TEST_API_CLASSPATH",
                ".findingflow/lib/api.classpath"))).strip();
        ApiProcess api = new ApiProcess(env, classpath, home.resolve("api.log"), port);
        api.start();
        api.awaitServing(Duration.ofMinutes(2));
        return new SecondApiProcess(api, port);
    }

    StackClient client() {
        return new StackClient("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.close();
    }
}
