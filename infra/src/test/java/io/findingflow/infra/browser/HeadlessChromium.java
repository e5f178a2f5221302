package io.findingflow.infra.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium}, headless, driven over the Chrome DevTools Protocol on a plain
 * java.net.http WebSocket (no node, no driver download): one browser with a fresh profile, one
 * page attached in flat session mode. Only what the page tests need: navigate, evaluate, type.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Debian's flags for a root, offline, throw-away browser. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
    private String session;

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The chromium binary: FF_TEST_CHROMIUM, else the first of chromium / chromium-browser on PATH. */
    public static Path binary() {
        String configured = System.getenv("FF_TEST_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("No chromium found: install Debian's package (apt-get install -y chromium)"
                + " or set FF_TEST_CHROMIUM to the binary");
    }

    /** Starts the browser with a fresh profile and opens one blank page. */
    public static HeadlessChromium start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("ff-chromium-");
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            String endpoint = devToolsEndpoint(profile, process);
            HeadlessChromium browser = connect(process, profile, endpoint);
            browser.openPage();
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    /** Chromium writes its port and browser target path to DevToolsActivePort once it listens. */
    private static String devToolsEndpoint(Path profile, Process process) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) {
                    return "ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim();
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        throw new IOException("chromium did not open its DevTools port within 60 s");
    }

    private static HeadlessChromium connect(Process process, Path profile, String endpoint) {
        CompletableFuture<HeadlessChromium> self = new CompletableFuture<>();
        StringBuilder partial = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(endpoint), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            String message = partial.toString();
                            partial.setLength(0);
                            self.join().dispatch(message);
                        }
                        ws.request(1);
                        return null;
                    }
                }).join();
        HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
        self.complete(browser);
        return browser;
    }

    private void dispatch(String message) {
        try {
            JsonNode json = Json.mapper().readTree(message);
            if (json.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(json.path("id").asLong());
                if (reply != null) {
                    reply.complete(json);
                }
            } else if ("Runtime.consoleAPICalled".equals(json.path("method").asText())
                    || "Runtime.exceptionThrown".equals(json.path("method").asText())) {
                console.add(json.path("params").toString());
            }
        } catch (IOException e) {
            console.add("unreadable DevTools message: " + message);
        }
    }

    private void openPage() {
        String target = send(null, "Target.createTarget", Json.mapper().createObjectNode().put("url", "about:blank"))
                .path("targetId").asText();
        session = send(null, "Target.attachToTarget",
                Json.mapper().createObjectNode().put("targetId", target).put("flatten", true)).path("sessionId").asText();
        call("Page.enable", Json.mapper().createObjectNode());
        call("Runtime.enable", Json.mapper().createObjectNode());
    }

    /** A DevTools command on the page; returns its result or throws with the protocol error. */
    public JsonNode call(String method, ObjectNode params) {
        return send(session, method, params);
    }

    private JsonNode send(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = Json.mapper().createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        JsonNode response;
        try {
            response = reply.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("no answer to " + method, e);
        }
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.path("error"));
        }
        return response.path("result");
    }

    public void navigate(String url) {
        JsonNode result = call("Page.navigate", Json.mapper().createObjectNode().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("navigation to " + url + " failed: " + result.path("errorText").asText());
        }
    }

    /** Evaluates a JavaScript expression (awaiting a promise) and returns its JSON value. */
    public JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", Json.mapper().createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code condition} (a JavaScript expression) is true; fails after the timeout. */
    public void await(String condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("page condition not met within " + timeout + ": " + condition
                        + "\nstatus: " + evaluate("document.getElementById('status') && "
                        + "document.getElementById('status').textContent") + "\nconsole: " + console);
            }
            Thread.sleep(50);
        }
    }

    /** The condition's value; false while the page is navigating (its execution context is gone). */
    private boolean holds(String condition) {
        try {
            return evaluate("Boolean(" + condition + ")").asBoolean();
        } catch (IllegalStateException navigating) {
            return false;
        }
    }

    /** Types text into the element the selector finds, as keyboard input. */
    public void type(String selector, String text) {
        evaluate("document.querySelector(" + Json.mapper().valueToTree(selector) + ").focus()");
        call("Input.insertText", Json.mapper().createObjectNode().put("text", text));
    }

    public List<String> console() {
        return List.copyOf(console);
    }

    @Override
    public void close() {
        try {
            send(null, "Browser.close", Json.mapper().createObjectNode());
        } catch (RuntimeException ignored) {
            // it may be gone already
        }
        socket.abort();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory: best effort
        }
    }
}
