package io.findingflow.api.resources;

import java.util.List;

/**
 * A list filter: query parameter, the data field it looks at ("id" is the object's id) and how
 * it matches. NUMBER takes one number or a comma separated list; CONTAINS ignores case.
 */
public record FilterSpec(String param, String field, Kind kind, List<String> choices) {

    public enum Kind { EXACT, CONTAINS, NUMBER, BOOLEAN, CHOICE }

    public static FilterSpec exact(String param) {
        return new FilterSpec(param, param, Kind.EXACT, List.of());
    }

    public static FilterSpec contains(String field) {
        return new FilterSpec(field + "__contains", field, Kind.CONTAINS, List.of());
    }

    public static FilterSpec icontains(String field) {
        return new FilterSpec(field + "__icontains", field, Kind.CONTAINS, List.of());
    }

    public static FilterSpec number(String param) {
        return new FilterSpec(param, param, Kind.NUMBER, List.of());
    }

    public static FilterSpec number(String param, String field) {
        return new FilterSpec(param, field, Kind.NUMBER, List.of());
    }

    public static FilterSpec flag(String param) {
        return new FilterSpec(param, param, Kind.BOOLEAN, List.of());
    }

    public static FilterSpec oneOf(String param, List<String> choices) {
        return new FilterSpec(param, param, Kind.CHOICE, choices);
    }
}
