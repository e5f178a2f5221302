package io.findingflow.bench.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of one stack: the stack JVM (Kafka + Flink) and everything it started (the API
 * JVM, clickhouse-server). Sums their resident memory and CPU time from /proc.
 */
public final class StackProcesses {

    private final ProcessHandle root;

    public StackProcesses(ProcessHandle root) {
        this.root = root;
    }

    public long rootPid() {
        return root.pid();
    }

    /** The root and its live descendants, root first. */
    public List<ProcessHandle> all() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().filter(ProcessHandle::isAlive).forEach(all::add);
        return all;
    }

    /** pid of the first process whose command line contains {@code marker} (e.g. "ApiMain"), else -1. */
    public long find(String marker) {
        return all().stream()
                .filter(p -> ProcFs.commandLine(p.pid()).contains(marker))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
    }

    /** Resident memory per process, keyed "name(pid)", in MB. */
    public Map<String, Double> rssMb() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (ProcessHandle p : all()) {
            rss.put(label(p.pid()), ProcFs.rssBytes(p.pid()) / (1024.0 * 1024.0));
        }
        return rss;
    }

    /** The most each process was ever resident, keyed as {@link #rssMb()}, in MB. */
    public Map<String, Double> peakRssMb() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (ProcessHandle p : all()) {
            rss.put(label(p.pid()), ProcFs.peakRssBytes(p.pid()) / (1024.0 * 1024.0));
        }
        return rss;
    }

    /** CPU seconds used so far per process, keyed as {@link #rssMb()}. */
    public Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (ProcessHandle p : all()) {
            cpu.put(label(p.pid()), ProcFs.cpuSeconds(p.pid()));
        }
        return cpu;
    }

    /** "stack-jvm", "api-jvm", "clickhouse" or the process name, with its pid. */
    public String label(long pid) {
        String role;
        if (pid == root.pid()) {
            role = "stack-jvm";
        } else if (pid == find("ApiMain")) {
            role = "api-jvm";
        } else if (ProcFs.name(pid).contains("clickhouse")) {
            role = "clickhouse";
        } else {
            role = ProcFs.name(pid);
        }
        return role + "(" + pid + ")";
    }
}
