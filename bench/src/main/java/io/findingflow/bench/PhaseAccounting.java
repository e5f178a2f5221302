package io.findingflow.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.bench.measure.ClickHouseEvents;
import io.findingflow.bench.measure.ClickHouseHttp;
import io.findingflow.bench.stack.CpuAccount;
import io.findingflow.bench.stack.StackProcesses;
import java.util.Locale;
import java.util.Map;

/**
 * Where each phase's resources went: CPU seconds per process (and the rest of the machine),
 * ClickHouse's query and merge counters, and — when the phase names what it processed — CPU per
 * unit of work net of the stack's idle rate, with the throughput that allows on idle cores. These
 * are the figures other tenants of a shared machine do not distort.
 */
final class PhaseAccounting {

    private final Results results;
    private final Progress progress;
    /** CPU seconds per process while the loaded stack sat idle ("wall" = how long). */
    private Map<String, Double> idleCpu;
    private long units;
    private String unit;

    PhaseAccounting(Results results, Progress progress) {
        this.results = results;
        this.progress = progress;
    }

    /** The current phase processed {@code count} of {@code what} ("finding", "request"). */
    void processed(long count, String what) {
        this.units = count;
        this.unit = what;
    }

    void idle(Map<String, Double> cpu) {
        this.idleCpu = cpu;
        ObjectNode node = results.details("idle_cpu_seconds_per_s");
        double wall = cpu.get("wall");
        cpu.forEach((k, v) -> {
            if (!k.equals("wall")) {
                node.put(k, Math.round(v / wall * 1000) / 1000.0);
            }
        });
        progress.line("idle " + CpuAccount.describe(cpu));
    }

    /** Starts counting; the returned handle reports when the phase is over. */
    Running start(String name, StackProcesses processes, ClickHouseHttp clickHouse) {
        units = 0;
        ClickHouseEvents events = null;
        try {
            events = clickHouse == null ? null : ClickHouseEvents.start(clickHouse);
        } catch (Exception unavailable) {
            // no counters for this phase
        }
        return new Running(name, CpuAccount.start(processes), events);
    }

    final class Running {
        private final String name;
        private final CpuAccount cpu;
        private final ClickHouseEvents events;

        private Running(String name, CpuAccount cpu, ClickHouseEvents events) {
            this.name = name;
            this.cpu = cpu;
            this.events = events;
        }

        void stop() {
            Map<String, Double> used = cpu.stop();
            progress.line(name + " " + CpuAccount.describe(used));
            ObjectNode node = results.details("cpu_seconds").putObject(name);
            used.forEach(node::put);
            if (units > 0) {
                perUnit(name, used);
            }
            if (events != null) {
                try {
                    Map<String, Long> done = events.stop();
                    progress.line(name + " " + ClickHouseEvents.describe(done));
                    ObjectNode counters = results.details("clickhouse_events").putObject(name);
                    done.forEach(counters::put);
                } catch (Exception unavailable) {
                    // the stack is gone
                }
            }
        }
    }

    private void perUnit(String name, Map<String, Double> used) {
        ObjectNode node = results.details("cpu_per_unit").putObject(name).put("unit", unit).put("units", units);
        StringBuilder text = new StringBuilder("cpu per " + unit + " (net of idle):");
        double net = 0;
        double gross = 0;
        for (Map.Entry<String, Double> e : used.entrySet()) {
            if (e.getKey().equals("others") || e.getKey().equals("wall")) {
                continue;
            }
            String process = e.getKey().replaceAll("\\(.*", "");
            // leave out what the process burns anyway when idle (Flink and Kafka housekeeping)
            double idle = idleCpu == null || process.equals("bench") ? 0
                    : idleCpu.getOrDefault(e.getKey(), 0.0) / idleCpu.get("wall") * used.get("wall");
            double grossMicros = e.getValue() * 1e6 / units;
            double netMicros = Math.max(0, e.getValue() - idle) * 1e6 / units;
            node.put(process + "_us", round1(netMicros)).put(process + "_gross_us", round1(grossMicros));
            text.append(String.format(Locale.ROOT, " %s %.0f µs,", process, netMicros));
            if (!process.equals("bench")) {
                net += netMicros;
                gross += grossMicros;
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        node.put("stack_total_us", round1(net)).put("stack_total_gross_us", round1(gross))
                .put("ceiling_per_s_on_idle_cores", Math.round(cores * 1e6 / net))
                .put("ceiling_gross_per_s_on_idle_cores", Math.round(cores * 1e6 / gross));
        progress.line(String.format(Locale.ROOT, "%s stack total %.0f µs (gross %.0f) → at most %,.0f (gross %,.0f) "
                + "%ss/s on %d idle cores", text, net, gross, cores * 1e6 / net, cores * 1e6 / gross, unit, cores));
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
