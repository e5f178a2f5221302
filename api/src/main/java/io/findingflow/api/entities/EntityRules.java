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
            default:
                return null;
        }
    }

    static String referenceField(String kind) {
        switch (kind) {
            case EntityKind.PRODUCT:
                return "prod_type";
            case EntityKind.ENGAGEMENT:
                return "product";
            case EntityKind.TEST:
                return "engagement";
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
