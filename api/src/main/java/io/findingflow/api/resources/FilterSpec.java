package io.findingflow.api.resources;

import java.util.List;

/**
 * A list filter: query parameter, the data field it looks at ("id" is the object's id) and how
 * it matches. NUMBER takes one number or a comma separated list; CONTAINS ignores case.
 */
public record FilterSpec(String param, String field, Kind kind, List<String> choices) {

    public enum Kind { EXACT, CONTAINS, NUMBER, BOOLEAN, CHOICE, TAGS_ANY, TAGS_ALL, TAG_CONTAINS, NOT_TAGS, NOT_TAG, HAS_TAGS }

    /**
     * DefectDojo's tag filters on {@code tags}: {@code tags} (any of a comma separated list),
     * {@code tags__and} (all of them), {@code tag} (a tag containing the text), {@code not_tags},
     * {@code not_tag} (their negations) and {@code has_tags}.
     */
    public static List<FilterSpec> tagFilters() {
        return List.of(new FilterSpec("tags", "tags", Kind.TAGS_ANY, List.of()),
                new FilterSpec("tags__and", "tags", Kind.TAGS_ALL, List.of()),
                new FilterSpec("tag", "tags", Kind.TAG_CONTAINS, List.of()),
                new FilterSpec("not_tags", "tags", Kind.NOT_TAGS, List.of()),
                new FilterSpec("not_tag", "tags", Kind.NOT_TAG, List.of()),
                new FilterSpec("has_tags", "tags", Kind.HAS_TAGS, List.of()));
    }

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
