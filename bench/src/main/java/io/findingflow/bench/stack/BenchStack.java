package io.findingflow.bench.stack;

import io.findingflow.infra.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The stack under test: either launched here — {@code io.findingflow.infra.LocalStack} in a child
 * JVM with its own FF_HOME and FF_PORT, which starts ClickHouse, Kafka, the Flink jobs and the API
 * JVM (infra's ApiProcess) — or an already running one found by its API URL (FF_BENCH_API_URL).
 */
public final class BenchStack implements AutoCloseable {

    private final String apiUrl;
    private final String clickHouseUrl;
    private final String clickHouseDatabase;
    private final StackProcesses processes;
    private final Process launched;
    private final OptionalDouble coldStartSeconds;

    private BenchStack(String apiUrl, String clickHouseUrl, String clickHouseDatabase, StackProcesses processes,
            Process launched, OptionalDouble coldStartSeconds) {
        this.apiUrl = apiUrl;
        this.clickHouseUrl = clickHouseUrl;
        this.clickHouseDatabase = clickHouseDatabase;
        this.processes = processes;
        this.launched = launched;
        this.coldStartSeconds = coldStartSeconds;
    }

    /** What a launch needs: where, which classpaths, extra environment for the stack. */
    public record Launch(Path home, int port, String stackClasspath, Path apiClasspathFile, List<String> jvmOptions,
            String heap, Map<String, String> env) {}

    /**
     * Starts the stack and waits for {@code GET /health} to answer 200; the time from launching the
     * JVM to that answer is the cold start.
     */
    public static BenchStack launch(Launch launch, Consumer<String> progress) throws IOException, InterruptedException {
        Files.createDirectories(launch.home().resolve("logs"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(launch.env());
        env.put("FF_HOME", launch.home().toString());
        env.put("FF_PORT", String.valueOf(launch.port()));
        StackConfig layout = StackConfig.fromEnv(env);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + launch.heap());
        command.add("-XX:+UseG1GC");
        command.addAll(launch.jvmOptions());
        command.add("-Dff.home=" + launch.home());
        command.add("-cp");
        command.add(launch.stackClasspath());
        command.add("io.findingflow.infra.LocalStack");
        command.add(launch.apiClasspathFile().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(launch.home().resolve("logs/stack.out").toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        long begin = System.nanoTime();
        Process process = builder.start();
        String apiUrl = "http://127.0.0.1:" + layout.apiPort();
        BenchStack stack = new BenchStack(apiUrl, layout.clickHouseUrl(),
                env.getOrDefault("FF_CLICKHOUSE_DATABASE", "findingflow"), new StackProcesses(process.toHandle()),
                process, OptionalDouble.empty());
        try {
            awaitHealthy(apiUrl, process, Duration.ofMinutes(5), progress, begin);
        } catch (IOException | RuntimeException | InterruptedException e) {
            stack.close();
            throw new IOException(e.getMessage() + "; see " + launch.home().resolve("logs"), e);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new BenchStack(apiUrl, layout.clickHouseUrl(), stack.clickHouseDatabase, stack.processes, process,
                OptionalDouble.of(seconds));
    }

    /**
     * A stack someone else started. Its processes are found from the API's listening socket: the
     * API JVM's parent is the stack JVM (or the API itself when it has no stack parent).
     */
    public static BenchStack reuse(String apiUrl, String clickHouseUrl, String database) throws IOException {
        int port = URI.create(apiUrl).getPort();
        OptionalLong api = ProcFs.listener(port < 0 ? 80 : port);
        StackProcesses processes = null;
        if (api.isPresent()) {
            ProcessHandle handle = ProcessHandle.of(api.getAsLong()).orElseThrow();
            ProcessHandle root = handle.parent()
                    .filter(p -> ProcFs.commandLine(p.pid()).contains("LocalStack"))
                    .orElse(handle);
            processes = new StackProcesses(root);
        }
        return new BenchStack(apiUrl, clickHouseUrl, database, processes, null, OptionalDouble.empty());
    }

    private static void awaitHealthy(String apiUrl, Process process, Duration timeout, Consumer<String> progress,
            long begin) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = begin + timeout.toNanos();
        long lastReport = System.nanoTime();
        String last = "not answering";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the stack exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
                last = "health " + health.statusCode();
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - lastReport > 5_000_000_000L) {
                progress.accept(String.format("starting the stack: %.0f s (%s)", (System.nanoTime() - begin) / 1e9, last));
                lastReport = System.nanoTime();
            }
            Thread.sleep(50);
        }
        throw new IOException("the stack was not healthy within " + timeout + " (" + last + ")");
    }

    public String apiUrl() {
        return apiUrl;
    }

    public String clickHouseUrl() {
        return clickHouseUrl;
    }

    public String clickHouseDatabase() {
        return clickHouseDatabase;
    }

    /** Launch to first /health 200, for a stack launched here. */
    public OptionalDouble coldStartSeconds() {
        return coldStartSeconds;
    }

    /** The stack's processes, null when they could not be found (a remote stack). */
    public StackProcesses processes() {
        return processes;
    }

    public boolean launchedHere() {
        return launched != null;
    }

    /** Stops a stack launched here (SIGTERM: LocalStack's shutdown hook stops its children). */
    @Override
    public void close() {
        if (launched == null || !launched.isAlive()) {
            return;
        }
        launched.destroy();
        try {
            if (!launched.waitFor(60, TimeUnit.SECONDS)) {
                launched.descendants().forEach(ProcessHandle::destroyForcibly);
                launched.destroyForcibly();
            }
        } catch (InterruptedException e) {
            launched.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
