package io.findingflow.bench.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR on a running JVM through {@code jcmd} (JFR.start / JFR.stop with the "profile" settings), and
 * a summary of its {@code jdk.ExecutionSample} events: where the samples were by thread, by the top
 * frame's package and method, and by the first FindingFlow frame on the stack (the FindingFlow
 * code that, itself or through what it calls, used the CPU).
 */
public final class JfrProfile {

    private final long pid;
    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    public static JfrProfile start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=ffbench", "settings=profile", "filename=" + file);
        return new JfrProfile(pid, file);
    }

    public Path stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=ffbench");
        return file;
    }

    /** Shares of execution samples: "threads", "top frames", "first findingflow frame"; top {@code n} each. */
    public static Map<String, List<String>> summarize(Path recording, int n) throws IOException {
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            samples++;
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[0-9]+", "N"), 1, Integer::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            top.merge(frame(stack.getFrames().get(0)), 1, Integer::sum);
            packages.merge(packageOf(stack.getFrames().get(0)), 1, Integer::sum);
            for (RecordedFrame frame : stack.getFrames()) {
                if (frame.getMethod().getType().getName().startsWith("io.findingflow.")) {
                    own.merge(frame(frame), 1, Integer::sum);
                    break;
                }
            }
        }
        Map<String, List<String>> summary = new java.util.LinkedHashMap<>();
        summary.put("samples", List.of(String.valueOf(samples)));
        summary.put("threads", ranked(threads, samples, n));
        summary.put("top-frame packages", ranked(packages, samples, n));
        summary.put("top frames", ranked(top, samples, n));
        summary.put("first findingflow frame", ranked(own, samples, n));
        return summary;
    }

    private static String frame(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName()
                + " (" + type.substring(0, Math.max(0, type.lastIndexOf('.'))) + ")";
    }

    /** The first three segments of the top frame's package, e.g. com.fasterxml.jackson. */
    private static String packageOf(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(3, Math.max(1, parts.length - 1))));
    }

    private static List<String> ranked(Map<String, Integer> counts, int samples, int n) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(n, entries.size()))) {
            lines.add(String.format(Locale.ROOT, "%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
        }
        return lines;
    }

    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(String.valueOf(pid));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("jcmd " + String.join(" ", args) + " failed: " + output.strip());
        }
    }
}
