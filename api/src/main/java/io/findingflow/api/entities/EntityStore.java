package io.findingflow.api.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The in-memory view of the entities log. {@link #apply} is deterministic: every API process
 * applies the same records in the same (single-partition) order and so reaches the same state,
 * including which of two concurrent creates of one name won.
 *
 * <p>Record shape: {@code {"kind", "op": "create"|"ensure"|"update"|"delete", "id"?, "data"}}.
 * "ensure" is get-or-create by natural key (auto_create_context): concurrent ensures of one name
 * create it once and all resolve to the same id.
 */
public final class EntityStore {

    private final Map<String, Map<Long, Entity>> byKind = new ConcurrentHashMap<>();

    /** Applies one record found at {@code offset}; single-threaded (the log consumer). */
    public ApplyResult apply(long offset, JsonNode record) {
        String kind = record.path("kind").asText();
        String op = record.path("op").asText();
        ObjectNode data = record.path("data").isObject() ? (ObjectNode) record.path("data").deepCopy() : null;
        if (data == null) {
            return ApplyResult.refused("non_field_errors", "Malformed entity record");
        }
        switch (op) {
            case "create":
            case "ensure": {
                Optional<Entity> existing = findByNaturalKey(kind, data);
                if (existing.isPresent()) {
                    return op.equals("ensure")
                            ? ApplyResult.ok(existing.get(), false)
                            : ApplyResult.refused(naturalKeyField(kind), duplicateMessage(kind));
                }
                String problem = EntityRules.checkReferences(this, kind, data);
                if (problem != null) {
                    return ApplyResult.refused(EntityRules.referenceField(kind), problem);
                }
                Entity entity = new Entity(kind, offset + 1, data);
                table(kind).put(entity.id(), entity);
                return ApplyResult.ok(entity, true);
            }
            case "update": {
                long id = record.path("id").asLong();
                Entity current = table(kind).get(id);
                if (current == null) {
                    return ApplyResult.refused("id", "Not found.");
                }
                ObjectNode merged = current.data().deepCopy();
                merged.setAll(data);
                Optional<Entity> clash = findByNaturalKey(kind, merged);
                if (clash.isPresent() && clash.get().id() != id) {
                    return ApplyResult.refused(naturalKeyField(kind), duplicateMessage(kind));
                }
                Entity updated = new Entity(kind, id, merged);
                table(kind).put(id, updated);
                return ApplyResult.ok(updated, false);
            }
            case "delete": {
                Entity removed = table(kind).remove(record.path("id").asLong());
                if (removed == null) {
                    return ApplyResult.refused("id", "Not found.");
                }
                // DefectDojo's ON DELETE CASCADE, decided here so every replica removes the same
                EntityRules.children(kind).forEach((childKind, field) ->
                        list(childKind, e -> e.number(field) == removed.id()).forEach(child ->
                                apply(offset, Json.mapper().createObjectNode().put("kind", childKind)
                                        .put("op", "delete").put("id", child.id()).set("data",
                                                Json.mapper().createObjectNode()))));
                return ApplyResult.ok(removed, false);
            }
            default:
                return ApplyResult.refused("non_field_errors", "Unknown operation " + op);
        }
    }

    public Optional<Entity> get(String kind, long id) {
        return Optional.ofNullable(table(kind).get(id));
    }

    /** Entities of a kind matching {@code filter}, in id order. */
    public List<Entity> list(String kind, Predicate<Entity> filter) {
        List<Entity> result = new ArrayList<>();
        for (Entity entity : table(kind).values()) {
            if (filter.test(entity)) {
                result.add(entity);
            }
        }
        result.sort(Comparator.comparingLong(Entity::id));
        return result;
    }

    public Collection<Entity> all(String kind) {
        return table(kind).values();
    }

    /** The natural key that must be unique for a kind (DefectDojo's unique constraints). */
    public Optional<Entity> findByNaturalKey(String kind, ObjectNode data) {
        switch (kind) {
            case EntityKind.USER:
                return first(kind, e -> e.text("username").equals(data.path("username").asText()));
            case EntityKind.PRODUCT_TYPE:
            case EntityKind.PRODUCT:
            case EntityKind.CUSTOM_METRIC:
                return first(kind, e -> e.text("name").equals(data.path("name").asText()));
            case EntityKind.ENGAGEMENT:
                // names are not unique in DefectDojo; "ensure" looks one up within its product
                return data.path("_ensure").asBoolean(false)
                        ? first(kind, e -> e.number("product") == data.path("product").asLong()
                                && e.text("name").equals(data.path("name").asText()))
                        : Optional.empty();
            case EntityKind.PRODUCT_TYPE_MEMBER:
                return first(kind, e -> e.number("user") == data.path("user").asLong()
                        && e.number("product_type") == data.path("product_type").asLong());
            case EntityKind.PRODUCT_MEMBER:
                return first(kind, e -> e.number("user") == data.path("user").asLong()
                        && e.number("product") == data.path("product").asLong());
            case EntityKind.GLOBAL_ROLE:
                return first(kind, e -> e.number("user") == data.path("user").asLong());
            case EntityKind.ENDPOINT:
                return first(kind, e -> EntityRules.sameEndpoint(e.data(), data));
            case EntityKind.TEST:
                return data.path("_ensure").asBoolean(false)
                        ? first(kind, e -> e.number("engagement") == data.path("engagement").asLong()
                                && e.text("scan_type").equals(data.path("scan_type").asText())
                                && String.valueOf(e.text("title")).equals(data.path("title").asText("null")))
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private Optional<Entity> first(String kind, Predicate<Entity> filter) {
        return list(kind, filter).stream().findFirst();
    }

    private Map<Long, Entity> table(String kind) {
        return byKind.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    }

    private static String naturalKeyField(String kind) {
        switch (kind) {
            case EntityKind.USER:
                return "username";
            case EntityKind.GLOBAL_ROLE:
                return "user";
            case EntityKind.PRODUCT_TYPE_MEMBER:
            case EntityKind.PRODUCT_MEMBER:
            case EntityKind.ENDPOINT:
                return "non_field_errors";
            default:
                return "name";
        }
    }

    private static String duplicateMessage(String kind) {
        switch (kind) {
            case EntityKind.USER:
                return "A user with that username already exists.";
            case EntityKind.PRODUCT_TYPE:
                return "product type with this name already exists.";
            case EntityKind.PRODUCT:
                return "product with this name already exists.";
            case EntityKind.PRODUCT_TYPE_MEMBER:
                return "Product_Type_Member already exists";
            case EntityKind.PRODUCT_MEMBER:
                return "Product_Member already exists";
            case EntityKind.GLOBAL_ROLE:
                return "global_ role with this user already exists.";
            case EntityKind.ENDPOINT:
                return "It appears as though an endpoint with this data already exists for this product.";
            default:
                return "already exists.";
        }
    }
}
