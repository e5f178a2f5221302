package io.findingflow.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run: printed as a table row the moment each is measured, written as JSON,
 * and finally printed as one {@code key=value} line per figure, in {@link #KEYS} order.
 */
final class Results {

    /** The figures every run ends with, exactly these keys (issue 8). */
    static final List<String> KEYS = List.of(
            "raw_clickhouse_rows_per_s", "e2e_findings_per_s", "e2e_vs_raw_ratio",
            "parser_findings_per_s", "parser_vs_jackson_ratio",
            "metrics_simple_p50_ms", "metrics_simple_p99_ms", "metrics_simple_rps",
            "custom_points_per_s", "return_value_p99_ms", "stack_rss_mb", "cold_start_s");

    /** Targets on the 2-core machine (full mode): "≥" for rates and ratios, "≤" for latencies. */
    private static final Map<String, double[]> TARGETS = Map.of(
            "e2e_findings_per_s", new double[] {50_000, 1},
            "e2e_vs_raw_ratio", new double[] {0.33, 1},
            "parser_vs_jackson_ratio", new double[] {0.5, 1},
            "metrics_simple_p99_ms", new double[] {20, -1},
            "metrics_simple_rps", new double[] {1_000, 1},
            "custom_points_per_s", new double[] {100_000, 1},
            "return_value_p99_ms", new double[] {250, -1},
            "list_p99_ms", new double[] {50, -1});

    private record Figure(Double value, String note) {}

    private final PrintStream out;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final ObjectNode json = Json.mapper().createObjectNode();
    private final ObjectNode details = json.putObject("details");

    Results(PrintStream out) {
        this.out = out;
    }

    ObjectNode json() {
        return json;
    }

    /** Free-form measurement details (sizes, per-format figures, CPU per process) for the JSON file. */
    ObjectNode details(String section) {
        return details.has(section) ? (ObjectNode) details.get(section) : details.putObject(section);
    }

    void header() {
        out.printf("%n%-26s %14s  %-10s %-7s %s%n", "figure", "value", "target", "status", "how it was measured");
        out.println("-".repeat(110));
    }

    void put(String key, double value, String note) {
        figures.put(key, new Figure(value, note));
        out.printf(Locale.ROOT, "%-26s %14s  %-10s %-7s %s%n", key, format(key, value), target(key), status(key, value),
                note);
        out.flush();
    }

    /** A figure that could not be measured: printed (and kept) as n/a with the reason. */
    void notAvailable(String key, String reason) {
        figures.put(key, new Figure(null, reason));
        out.printf(Locale.ROOT, "%-26s %14s  %-10s %-7s %s%n", key, "n/a", target(key), "", reason);
        out.flush();
    }

    /** True once the figure was measured or declared n/a. */
    boolean has(String key) {
        return figures.containsKey(key);
    }

    Double value(String key) {
        Figure figure = figures.get(key);
        return figure == null ? null : figure.value();
    }

    /** Writes the JSON file and prints the closing key=value lines. */
    void finish(Path file) throws IOException {
        ObjectNode values = json.putObject("figures");
        ObjectNode notes = json.putObject("notes");
        ObjectNode missed = json.putObject("targets");
        for (String key : KEYS) {
            Figure figure = figures.getOrDefault(key, new Figure(null, "not measured"));
            if (figure.value() == null) {
                values.putNull(key);
            } else {
                values.put(key, round(figure.value()));
            }
            notes.put(key, figure.note());
            if (TARGETS.containsKey(key)) {
                missed.put(key, target(key) + (figure.value() == null ? " n/a" : " " + status(key, figure.value())));
            }
        }
        figures.forEach((key, figure) -> { // figures of other issues (list_*): in the JSON, not the key lines
            if (!KEYS.contains(key)) {
                values.put(key, figure.value() == null ? null : round(figure.value()));
                notes.put(key, figure.note());
            }
        });
        Files.createDirectories(file.getParent());
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        out.println();
        out.println("results: " + file);
        for (String key : KEYS) {
            Figure figure = figures.get(key);
            out.println(key + "=" + (figure == null || figure.value() == null ? "n/a" : format(key, figure.value())));
        }
        out.flush();
    }

    static String format(String key, double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (key.endsWith("_ratio")) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        if (key.endsWith("_ms")) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        if (key.endsWith("_s") && !key.endsWith("_per_s")) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private static String target(String key) {
        double[] target = TARGETS.get(key);
        if (target == null) {
            return "";
        }
        return (target[1] > 0 ? "≥ " : "≤ ") + format(key, target[0]);
    }

    private static String status(String key, double value) {
        double[] target = TARGETS.get(key);
        if (target == null || Double.isNaN(value)) {
            return "";
        }
        boolean met = target[1] > 0 ? value >= target[0] : value <= target[0];
        return met ? "met" : "MISSED";
    }
}
