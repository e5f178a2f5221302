package io.findingflow.api.imports;

import io.findingflow.parsers.ParserRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DefectDojo test types: one per supported scan type, ids in the registry's (stable) order. */
public final class TestTypes {

    private final ParserRegistry registry;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    public TestTypes(ParserRegistry registry) {
        this.registry = registry;
        List<String> scanTypes = registry.scanTypes();
        for (int i = 0; i < scanTypes.size(); i++) {
            ids.put(scanTypes.get(i), (long) i + 1);
        }
    }

    public Map<String, Long> all() {
        return ids;
    }

    public long idOf(String scanType) {
        return ids.getOrDefault(registry.canonical(scanType), 0L);
    }

    public ParserRegistry registry() {
        return registry;
    }
}
