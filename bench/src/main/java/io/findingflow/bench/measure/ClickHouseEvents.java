package io.findingflow.bench.measure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What ClickHouse did during a measurement, from its cumulative {@code system.events} counters:
 * queries by kind, rows inserted, rows merged in the background (18.16 has no read-rows counter). Tells apart the rows the
 * pipeline must write from the queries and merges around them.
 */
public final class ClickHouseEvents {

    private static final List<String> EVENTS = List.of("Query", "SelectQuery", "InsertQuery", "InsertedRows",
            "InsertedBytes", "MergedRows", "MergedUncompressedBytes");

    private final ClickHouseHttp clickHouse;
    private final Map<String, Long> before;

    private ClickHouseEvents(ClickHouseHttp clickHouse) throws Exception {
        this.clickHouse = clickHouse;
        this.before = snapshot();
    }

    public static ClickHouseEvents start(ClickHouseHttp clickHouse) throws Exception {
        return new ClickHouseEvents(clickHouse);
    }

    /** The counters' growth since the start (the two queries reading them included). */
    public Map<String, Long> stop() throws Exception {
        Map<String, Long> after = snapshot();
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String event : EVENTS) {
            if (after.containsKey(event)) {
                delta.put(event, after.get(event) - before.getOrDefault(event, 0L));
            }
        }
        return delta;
    }

    public static String describe(Map<String, Long> delta) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "clickhouse: %,d queries (%,d selects, "
                + "%,d inserts), %,d rows inserted", delta.getOrDefault("Query", 0L),
                delta.getOrDefault("SelectQuery", 0L), delta.getOrDefault("InsertQuery", 0L),
                delta.getOrDefault("InsertedRows", 0L)));
        if (delta.containsKey("MergedRows")) {
            text.append(String.format(Locale.ROOT, ", %,d rows merged in the background", delta.get("MergedRows")));
        }
        return text.toString();
    }

    private Map<String, Long> snapshot() throws Exception {
        Map<String, Long> events = new LinkedHashMap<>();
        for (String line : clickHouse.query("SELECT event, value FROM system.events").split("\n")) {
            String[] fields = line.split("\t");
            if (fields.length == 2) {
                events.put(fields[0], Long.parseLong(fields[1].strip()));
            }
        }
        return events;
    }
}
