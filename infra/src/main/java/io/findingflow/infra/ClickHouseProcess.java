package io.findingflow.infra;

import io.findingflow.schemas.ClickHouseDdl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse server as a child process with its own config, ports and data directory under
 * FF_HOME/clickhouse, so several stacks (and the distribution's own service) can coexist.
 */
public final class ClickHouseProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseProcess.class);
    private static final List<String> BINARIES = List.of("/usr/bin/clickhouse-server", "/usr/sbin/clickhouse-server");

    private final Path dir;
    private final StackConfig stack;
    private Process process;

    public ClickHouseProcess(StackConfig stack) {
        this.stack = stack;
        this.dir = stack.home().resolve("clickhouse");
    }

    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("log"));
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        killStale();
        Files.writeString(dir.resolve("config.xml"), ClickHouseConfigFiles.config(dir, stack));
        Files.writeString(dir.resolve("users.xml"), ClickHouseConfigFiles.users());
        String binary = BINARIES.stream().filter(b -> Files.isExecutable(Path.of(b))).findFirst()
                .orElseThrow(() -> new IOException("clickhouse-server not found: apt-get install -y clickhouse-server"));
        process = new ProcessBuilder(binary, "--config-file=" + dir.resolve("config.xml"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log/stdout.log").toFile())
                .start();
        Files.writeString(dir.resolve("pid"), String.valueOf(process.pid()));
        awaitReady(Duration.ofSeconds(60));
        LOG.info("ClickHouse up on {} (pid {})", stack.clickHouseUrl(), process.pid());
    }

    /** A server left behind by a stack that was killed hard would hold our ports: stop it. */
    private void killStale() throws IOException {
        Path pid = dir.resolve("pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(old -> {
                if (old.info().command().map(c -> c.contains("clickhouse")).orElse(false)) {
                    LOG.warn("Stopping a ClickHouse server left running by an earlier stack (pid {})", old.pid());
                    old.destroy();
                    old.onExit().join();
                }
            });
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("clickhouse-server exited with " + process.exitValue()
                        + "; see " + dir.resolve("log"));
            }
            if (ClickHouseSchema.ping(stack.clickHouseUrl())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("ClickHouse did not answer on " + stack.clickHouseUrl() + " within " + timeout);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    static HttpClient http() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    static String post(String url, String sql) throws IOException, InterruptedException {
        HttpResponse<String> response = http().send(
                HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse refused: " + sql.lines().findFirst().orElse("") + ": " + response.body());
        }
        return response.body();
    }

    static List<String> ddl() {
        return ClickHouseDdl.statements();
    }
}
