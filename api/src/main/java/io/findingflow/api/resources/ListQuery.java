package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.QueryParams;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * A list request's filters and {@code o=} ordering over entities, with django-filter's 400
 * bodies for values it cannot take. Unknown parameters are ignored, as DefectDojo does.
 */
final class ListQuery {

    private static final String INVALID_CHOICE = "Select a valid choice. %s is not one of the available choices.";

    private final List<Predicate<Entity>> conditions = new ArrayList<>();
    private Comparator<Entity> order = Comparator.comparingLong(Entity::id);

    private ListQuery() {}

    /** @param valueOf a field's value of an entity ("id" and derived fields included) */
    static ListQuery of(Context ctx, List<FilterSpec> filters, List<String> orderings,
            BiFunction<Entity, String, JsonNode> valueOf) {
        ListQuery query = new ListQuery();
        for (FilterSpec filter : filters) {
            String raw = ctx.queryParam(filter.param());
            if (raw == null || raw.isEmpty()) {
                continue;
            }
            query.conditions.add(condition(filter, raw, valueOf));
        }
        String o = ctx.queryParam("o");
        if (o != null && !o.isEmpty()) {
            query.order = ordering(o, orderings, valueOf);
        }
        return query;
    }

    boolean matches(Entity e) {
        for (Predicate<Entity> condition : conditions) {
            if (!condition.test(e)) {
                return false;
            }
        }
        return true;
    }

    Comparator<Entity> order() {
        return order;
    }

    private static Predicate<Entity> condition(FilterSpec filter, String raw,
            BiFunction<Entity, String, JsonNode> valueOf) {
        String field = filter.field();
        switch (filter.kind()) {
            case CONTAINS: {
                String needle = raw.toLowerCase(Locale.ROOT);
                return e -> text(valueOf.apply(e, field)).toLowerCase(Locale.ROOT).contains(needle);
            }
            case NUMBER: {
                Set<Long> wanted = new HashSet<>();
                for (String part : raw.split(",")) {
                    try {
                        wanted.add(Long.parseLong(part.trim()));
                    } catch (NumberFormatException e) {
                        throw ApiException.field(filter.param(),
                                "Select a valid choice. That choice is not one of the available choices.");
                    }
                }
                return e -> {
                    JsonNode value = valueOf.apply(e, field);
                    return value != null && value.isNumber() && wanted.contains(value.asLong());
                };
            }
            case BOOLEAN: {
                boolean wanted;
                switch (raw.trim()) {
                    case "true", "True", "1" -> wanted = true;
                    case "false", "False", "0" -> wanted = false;
                    default -> throw ApiException.field(filter.param(), String.format(INVALID_CHOICE, raw));
                }
                return e -> {
                    JsonNode value = valueOf.apply(e, field);
                    return value != null && value.isBoolean() && value.asBoolean() == wanted;
                };
            }
            case TAGS_ANY: {
                List<String> names = QueryParams.commaList(raw);
                return e -> tags(valueOf.apply(e, field)).stream().anyMatch(names::contains);
            }
            case TAGS_ALL: {
                List<String> names = QueryParams.commaList(raw);
                return e -> tags(valueOf.apply(e, field)).containsAll(names);
            }
            case NOT_TAGS: {
                List<String> names = QueryParams.commaList(raw);
                return e -> tags(valueOf.apply(e, field)).stream().noneMatch(names::contains);
            }
            case TAG_CONTAINS: {
                String needle = raw.toLowerCase(Locale.ROOT);
                return e -> tags(valueOf.apply(e, field)).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle));
            }
            case NOT_TAG: {
                String needle = raw.toLowerCase(Locale.ROOT);
                return e -> tags(valueOf.apply(e, field)).stream().noneMatch(t -> t.toLowerCase(Locale.ROOT).contains(needle));
            }
            case HAS_TAGS: {
                boolean wanted = switch (raw.trim()) {
                    case "true", "True", "1" -> true;
                    case "false", "False", "0" -> false;
                    default -> throw ApiException.field(filter.param(), String.format(INVALID_CHOICE, raw));
                };
                return e -> !tags(valueOf.apply(e, field)).isEmpty() == wanted;
            }
            case CHOICE:
                if (!filter.choices().contains(raw)) {
                    throw ApiException.field(filter.param(), String.format(INVALID_CHOICE, raw));
                }
                return e -> raw.equals(text(valueOf.apply(e, field)));
            default:
                return e -> {
                    JsonNode value = valueOf.apply(e, field);
                    return value != null && !value.isNull() && raw.equals(text(value));
                };
        }
    }

    private static Comparator<Entity> ordering(String o, List<String> allowed,
            BiFunction<Entity, String, JsonNode> valueOf) {
        Comparator<Entity> order = null;
        for (String term : o.split(",")) {
            String name = term.trim();
            boolean descending = name.startsWith("-");
            String field = descending ? name.substring(1) : name;
            if (!allowed.contains(field)) {
                throw ApiException.field("o", String.format(INVALID_CHOICE, term));
            }
            Comparator<Entity> byField = (a, b) -> compare(valueOf.apply(a, field), valueOf.apply(b, field));
            if (descending) {
                byField = byField.reversed();
            }
            order = order == null ? byField : order.thenComparing(byField);
        }
        return order.thenComparingLong(Entity::id);
    }

    /** Numbers numerically, text by text, false before true; nulls last (Postgres' ASC). */
    private static int compare(JsonNode a, JsonNode b) {
        boolean aNull = a == null || a.isNull() || a.isMissingNode();
        boolean bNull = b == null || b.isNull() || b.isMissingNode();
        if (aNull || bNull) {
            return aNull == bNull ? 0 : aNull ? 1 : -1;
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.asBoolean(), b.asBoolean());
        }
        return text(a).compareTo(text(b));
    }

    /** Tag names are stored lowercase-insensitive as given; comparisons are exact, as DefectDojo's. */
    private static List<String> tags(JsonNode value) {
        List<String> tags = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(tag -> tags.add(tag.asText()));
        }
        return tags;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    static JsonNode id(Entity e) {
        return JsonNodeFactory.instance.numberNode(e.id());
    }
}
