package io.findingflow.api.resources;

import java.util.List;
import java.util.Map;

/**
 * One DefectDojo resource backed by an entity kind: its model name (for 404 bodies), the exact-
 * and contains-filters it accepts (query parameter → data field), and the fields a POST must have.
 */
record Resource(
        String kind,
        String model,
        Map<String, String> exactFilters,
        Map<String, String> containsFilters,
        List<String> required,
        Map<String, List<String>> choices) {}
