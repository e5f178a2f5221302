package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings rows by (id, version). A version's row never changes (a change writes a new version), so
 * a row read once serves every later page that shows it without asking ClickHouse: reading a page's
 * 25 rows costs ClickHouse ~8 ms of CPU (a granule of each of 25 columns in every part holding one of
 * them), which made it most of a cached list's cost. The least recently used rows go beyond
 * {@link #MAX_WEIGHT} bytes (estimated from the body, the largest column).
 */
final class FindingRowCache {

    static final long MAX_WEIGHT = 64L << 20;
    /** The columns besides the body, as Jackson nodes. */
    private static final int ROW_OVERHEAD = 1024;

    private final long maxWeight;
    private final Map<RowVersion, ObjectNode> rows = new LinkedHashMap<>(1024, 0.75f, true);
    private long weight;

    FindingRowCache(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /**
     * The rows of {@code page} in its order; those not kept are read by {@code load} in one call.
     * A version {@code load} does not find (merged away since the list was read) is left out.
     */
    List<ObjectNode> rows(List<RowVersion> page, Function<List<RowVersion>, Map<RowVersion, ObjectNode>> load) {
        List<ObjectNode> found = new ArrayList<>(page.size());
        List<RowVersion> missing = new ArrayList<>();
        synchronized (rows) {
            for (RowVersion version : page) {
                ObjectNode row = rows.get(version);
                found.add(row);
                if (row == null) {
                    missing.add(version);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<RowVersion, ObjectNode> loaded = load.apply(missing);
        synchronized (rows) {
            loaded.forEach(this::keep);
        }
        List<ObjectNode> ordered = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            ObjectNode row = found.get(i) != null ? found.get(i) : loaded.get(page.get(i));
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    private void keep(RowVersion version, ObjectNode row) {
        if (rows.put(version, row) == null) {
            weight += weight(row);
        }
        Iterator<Map.Entry<RowVersion, ObjectNode>> eldest = rows.entrySet().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            Map.Entry<RowVersion, ObjectNode> dropped = eldest.next();
            weight -= weight(dropped.getValue());
            eldest.remove();
        }
    }

    private static long weight(ObjectNode row) {
        return ROW_OVERHEAD + 2L * row.path("body").asText("").length();
    }

    int size() {
        synchronized (rows) {
            return rows.size();
        }
    }
}
