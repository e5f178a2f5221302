package io.findingflow.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the CPU went during one measurement: seconds per stack process, this benchmark JVM, and
 * everything else on the machine (other users of a shared box), from /proc. With 2 cores, a phase
 * of W seconds has 2·W CPU seconds to give.
 */
public final class CpuAccount {

    private final StackProcesses stack;
    private final Map<String, Double> before;
    private final long begin = System.nanoTime();

    private CpuAccount(StackProcesses stack) {
        this.stack = stack;
        this.before = snapshot();
    }

    public static CpuAccount start(StackProcesses stack) {
        return new CpuAccount(stack);
    }

    /** CPU seconds per process since the start, "others" for the rest of the machine, "wall" the phase time. */
    public Map<String, Double> stop() {
        Map<String, Double> after = snapshot();
        Map<String, Double> used = new LinkedHashMap<>();
        double ours = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            if (e.getKey().equals("machine")) {
                continue;
            }
            double delta = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            used.put(e.getKey(), round(delta));
            ours += delta;
        }
        used.put("others", round(Math.max(0, after.get("machine") - before.get("machine") - ours)));
        used.put("wall", round((System.nanoTime() - begin) / 1e9));
        return used;
    }

    public static String describe(Map<String, Double> used) {
        StringBuilder text = new StringBuilder("cpu seconds:");
        used.forEach((k, v) -> text.append(String.format(Locale.ROOT, " %s %.1f", k, v)));
        return text.toString();
    }

    private Map<String, Double> snapshot() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        if (stack != null) {
            cpu.putAll(stack.cpuSeconds());
        }
        cpu.put("bench(" + ProcessHandle.current().pid() + ")", ProcFs.cpuSeconds(ProcessHandle.current().pid()));
        cpu.put("machine", machineBusySeconds());
        return cpu;
    }

    /** Non-idle CPU seconds of the whole machine since boot (all cores). */
    static double machineBusySeconds() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length; i++) {
                if (i != 4 && i != 5 && i <= 8) { // skip idle and iowait; guest time is already in user
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
