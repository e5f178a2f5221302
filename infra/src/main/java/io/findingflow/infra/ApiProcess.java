package io.findingflow.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API as a child JVM on its own classpath (Javalin and its logging never meet Flink's). It
 * watches this process and exits when it is gone, so no orphan keeps the port.
 */
public final class ApiProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiProcess.class);

    private final Map<String, String> env;
    private final String classpath;
    private final Path logFile;
    private final int port;
    private Process process;

    public ApiProcess(Map<String, String> env, String classpath, Path logFile, int port) {
        this.env = env;
        this.classpath = classpath;
        this.logFile = logFile;
        this.port = port;
    }

    public void start() throws IOException {
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + env.getOrDefault("FF_API_HEAP", "768m"));
        command.add("-XX:+UseG1GC");
        command.add("-cp");
        command.add(classpath);
        command.add("io.findingflow.api.ApiMain");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("FF_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
        process = builder.start();
        LOG.info("API process started (pid {}), log {}", process.pid(), logFile);
    }

    /** Waits until the API answers /health (any status: it is serving). */
    public void awaitServing(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The API process exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("The API did not start within " + timeout + "; see " + logFile);
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
