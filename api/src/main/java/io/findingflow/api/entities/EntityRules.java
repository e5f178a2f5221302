package io.findingflow.api.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reference checks applied in log order: a product needs its product type, and so on down. */
final class EntityRules {

    private EntityRules() {}

    static String checkReferences(EntityStore store, String kind, ObjectNode data) {
        switch (kind) {
            case EntityKind.PRODUCT:
                return exists(store, EntityKind.PRODUCT_TYPE, data.path("prod_type").asLong());
            case EntityKind.ENGAGEMENT:
                return exists(store, EntityKind.PRODUCT, data.path("product").asLong());
            case EntityKind.TEST:
                return exists(store, EntityKind.ENGAGEMENT, data.path("engagement").asLong());
            case EntityKind.ENDPOINT:
            case EntityKind.PRODUCT_MEMBER:
                return firstProblem(exists(store, EntityKind.PRODUCT, data.path("product").asLong()),
                        kind.equals(EntityKind.ENDPOINT) ? null : exists(store, EntityKind.USER, data.path("user").asLong()));
            case EntityKind.PRODUCT_TYPE_MEMBER:
                return firstProblem(exists(store, EntityKind.PRODUCT_TYPE, data.path("product_type").asLong()),
                        exists(store, EntityKind.USER, data.path("user").asLong()));
            case EntityKind.GLOBAL_ROLE:
                return exists(store, EntityKind.USER, data.path("user").asLong());
            default:
                return null;
        }
    }

    private static String firstProblem(String a, String b) {
        return a != null ? a : b;
    }

    /** What a delete of {@code kind} takes with it: child kind → the child's field naming the parent. */
    static java.util.Map<String, String> children(String kind) {
        switch (kind) {
            case EntityKind.PRODUCT_TYPE:
                return java.util.Map.of(EntityKind.PRODUCT, "prod_type", EntityKind.PRODUCT_TYPE_MEMBER, "product_type");
            case EntityKind.PRODUCT:
                return java.util.Map.of(EntityKind.ENGAGEMENT, "product", EntityKind.PRODUCT_MEMBER, "product",
                        EntityKind.ENDPOINT, "product");
            case EntityKind.ENGAGEMENT:
                return java.util.Map.of(EntityKind.TEST, "engagement");
            case EntityKind.USER:
                return java.util.Map.of(EntityKind.PRODUCT_TYPE_MEMBER, "user", EntityKind.PRODUCT_MEMBER, "user",
                        EntityKind.GLOBAL_ROLE, "user");
            default:
                return java.util.Map.of();
        }
    }

    /** DefectDojo's endpoint uniqueness: the same URL parts within one product. */
    static boolean sameEndpoint(ObjectNode a, ObjectNode b) {
        for (String part : new String[] {"product", "protocol", "userinfo", "host", "port", "path", "query", "fragment"}) {
            if (!a.path(part).asText("").equalsIgnoreCase(b.path(part).asText(""))) {
                return false;
            }
        }
        return true;
    }

    static String referenceField(String kind) {
        switch (kind) {
            case EntityKind.PRODUCT:
                return "prod_type";
            case EntityKind.ENGAGEMENT:
                return "product";
            case EntityKind.TEST:
                return "engagement";
            case EntityKind.ENDPOINT:
                return "product";
            case EntityKind.PRODUCT_MEMBER:
            case EntityKind.PRODUCT_TYPE_MEMBER:
            case EntityKind.GLOBAL_ROLE:
                return "non_field_errors";
            default:
                return "non_field_errors";
        }
    }

    private static String exists(EntityStore store, String kind, long id) {
        return store.get(kind, id).isPresent()
                ? null
                : "Invalid pk \"" + id + "\" - object does not exist.";
    }
}
