package io.findingflow.api.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.findingflow.schemas.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Findings as rendered DefectDojo JSON ({@link FindingView}), kept by (id, version). A version's row
 * never changes (a change writes a new version) and its JSON depends on nothing else, so a finding
 * read and rendered once serves every later page that shows it: reading a page's 25 rows cost
 * ClickHouse ~5–15 ms of CPU (a granule of each column in every part holding one of them) and
 * rendering them (parsing each body) was a fifth of the API's CPU per list request. The least
 * recently used go beyond {@code maxWeight} bytes.
 */
final class RenderedFindings {

    static final long MAX_WEIGHT = 64L << 20;
    /** Per entry besides its characters: the key, the map entry, the string header. */
    private static final int ENTRY_OVERHEAD = 128;

    private final long maxWeight;
    private final Map<RowVersion, RawValue> views = new LinkedHashMap<>(1024, 0.75f, true);
    private long weight;

    RenderedFindings(long maxWeight) {
        this.maxWeight = maxWeight;
    }

    /**
     * The JSON of each finding of {@code page}, in its order; rows not kept are read by {@code load}
     * in one call. A version {@code load} does not find (merged away since the list was read) is left out.
     */
    List<RawValue> page(List<RowVersion> page, Function<List<RowVersion>, Map<RowVersion, ObjectNode>> load) {
        List<RawValue> found = new ArrayList<>(page.size());
        List<RowVersion> missing = new ArrayList<>();
        synchronized (views) {
            for (RowVersion version : page) {
                RawValue view = views.get(version);
                found.add(view);
                if (view == null) {
                    missing.add(version);
                }
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        Map<RowVersion, RawValue> rendered = new LinkedHashMap<>();
        load.apply(missing).forEach((version, row) -> rendered.put(version, render(row)));
        synchronized (views) {
            rendered.forEach(this::keep);
        }
        List<RawValue> ordered = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            RawValue view = found.get(i) != null ? found.get(i) : rendered.get(page.get(i));
            if (view != null) {
                ordered.add(view);
            }
        }
        return ordered;
    }

    static RawValue render(ObjectNode row) {
        try {
            return new RawValue(Json.mapper().writeValueAsString(FindingView.of(row)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a finding", e);
        }
    }

    private void keep(RowVersion version, RawValue view) {
        if (views.put(version, view) == null) {
            weight += weight(view);
        }
        Iterator<RawValue> eldest = views.values().iterator();
        while (weight > maxWeight && eldest.hasNext()) {
            weight -= weight(eldest.next());
            eldest.remove();
        }
    }

    private static long weight(RawValue view) {
        return ENTRY_OVERHEAD + 2L * ((String) view.rawValue()).length();
    }

    int size() {
        synchronized (views) {
            return views.size();
        }
    }
}
