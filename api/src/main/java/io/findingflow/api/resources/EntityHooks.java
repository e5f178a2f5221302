package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.schemas.Json;
import java.util.Map;

/** The behaviour of product types, products, engagements, tests and endpoints beyond their fields. */
final class EntityHooks {

    private EntityHooks() {}

    /**
     * Products: members as {@link #withMembers}, plus DefectDojo's {@code findings_count} and
     * {@code findings_list} (the product's active findings).
     */
    static ResourceHooks products(EntityWrites writes, ActiveFindings activeFindings) {
        ResourceHooks members = withMembers(writes, EntityKind.PRODUCT_MEMBER, "product");
        return new ResourceHooks() {
            @Override
            public void decorate(Entity e, ObjectNode view) {
                members.decorate(e, view);
            }

            @Override
            public void afterCreate(Caller caller, Entity created) {
                members.afterCreate(caller, created);
            }

            @Override
            public void decorateAll(java.util.List<Entity> entities, java.util.List<ObjectNode> views) {
                Map<Long, ActiveFindings.ActiveList> active = activeFindings.byProduct(
                        entities.stream().map(Entity::id).toList());
                for (int i = 0; i < entities.size(); i++) {
                    ActiveFindings.ActiveList list = active.getOrDefault(entities.get(i).id(),
                            ActiveFindings.ActiveList.EMPTY);
                    views.get(i).put("findings_count", list.count()); // fields of the spec: their places are kept
                    views.get(i).putRawValue("findings_list", list.json());
                }
            }
        };
    }

    /** Product types and products: {@code members} lists the member users; the creator becomes Owner. */
    static ResourceHooks withMembers(EntityWrites writes, String memberKind, String memberField) {
        return new ResourceHooks() {
            @Override
            public void decorate(Entity e, ObjectNode view) {
                ArrayNode members = view.putArray("members");
                writes.store().list(memberKind, m -> m.number(memberField) == e.id())
                        .forEach(m -> members.add(m.number("user")));
            }

            @Override
            public void afterCreate(Caller caller, Entity created) {
                ObjectNode member = Json.mapper().createObjectNode().put(memberField, created.id())
                        .put("user", caller.id()).put("role", Role.OWNER.id());
                writes.create(memberKind, member);
            }
        };
    }

    static ResourceHooks engagements(EntityStore store, FindingCascade findings) {
        return new ResourceHooks() {
            @Override
            public void checkDelete(Caller caller, Entity e) {
                findings.deleteFindings("engagement_id", e.id(), caller.id());
            }

            @Override
            public void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {
                if (mode == WriteMode.CREATE && clean.path("target_start").asText("")
                        .compareTo(clean.path("target_end").asText("")) > 0) {
                    throw BodyValidator.nonField("Your target start date exceeds your target end date");
                }
            }

            @Override
            public void prepare(Caller caller, Entity current, ObjectNode clean) {
                if (current == null) {
                    clean.put("active", true);
                }
            }

            @Override
            public JsonNode derived(Entity e, String field) {
                return field.equals("product__prod_type")
                        ? store.get(EntityKind.PRODUCT, e.number("product"))
                                .map(p -> (JsonNode) JsonNodeFactory.instance.numberNode(p.number("prod_type")))
                                .orElse(null)
                        : null;
            }
        };
    }

    static ResourceHooks tests(EntityStore store, Map<Long, String> testTypeNames, FindingCascade findings) {
        return new ResourceHooks() {
            @Override
            public void checkDelete(Caller caller, Entity e) {
                findings.deleteFindings("test_id", e.id(), caller.id());
            }

            @Override
            public void decorate(Entity e, ObjectNode view) {
                view.put("test_type_name", testTypeNames.get(e.number("test_type")));
            }

            @Override
            public JsonNode derived(Entity e, String field) {
                return field.equals("engagement__product")
                        ? store.get(EntityKind.ENGAGEMENT, e.number("engagement"))
                                .map(g -> (JsonNode) JsonNodeFactory.instance.numberNode(g.number("product")))
                                .orElse(null)
                        : null;
            }
        };
    }

    static ResourceHooks endpoints() {
        return new ResourceHooks() {
            @Override
            public void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {
                if (mode != WriteMode.PATCH && !clean.hasNonNull("product")) {
                    throw BodyValidator.nonField("Product is required");
                }
                if (current != null && clean.hasNonNull("product")
                        && clean.get("product").asLong() != current.number("product")) {
                    throw BodyValidator.nonField("Change of product is not possible");
                }
                long port = clean.path("port").asLong(0);
                if (port < 0 || port > 65535) {
                    throw io.findingflow.api.http.ApiException.field("port", port < 0
                            ? "Ensure this value is greater than or equal to 0."
                            : "Ensure this value is less than or equal to 65535.");
                }
            }
        };
    }
}
