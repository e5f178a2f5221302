package io.findingflow.api.resources;

import io.findingflow.api.entities.EntityKind;
import java.util.List;
import java.util.Map;

/** The entity-backed resources of /api/v2 with seed 002's filters and required fields. */
final class Resources {

    static final Resource PRODUCT_TYPES = new Resource(EntityKind.PRODUCT_TYPE, "Product_Type",
            Map.of("name", "name", "id", "id"), Map.of("name__contains", "name"), List.of("name"), Map.of());

    static final Resource PRODUCTS = new Resource(EntityKind.PRODUCT, "Product",
            Map.of("name", "name", "prod_type", "prod_type", "id", "id"), Map.of("name__contains", "name"),
            List.of("name", "description", "prod_type"),
            Map.of("business_criticality", List.of("very high", "high", "medium", "low", "very low", "none"),
                    "platform", List.of("web service", "desktop", "iot", "mobile", "web"),
                    "lifecycle", List.of("construction", "production", "retirement"),
                    "origin", List.of("third party library", "purchased", "contractor", "internal", "open source",
                            "outsourced")));

    static final Resource ENGAGEMENTS = new Resource(EntityKind.ENGAGEMENT, "Engagement",
            Map.of("product", "product", "engagement_type", "engagement_type", "status", "status", "name", "name",
                    "id", "id"),
            Map.of("name__contains", "name"), List.of("name", "product", "target_start", "target_end"),
            Map.of("engagement_type", List.of("Interactive", "CI/CD"),
                    "status", List.of("Not Started", "Blocked", "Cancelled", "Completed", "In Progress",
                            "On Hold", "Scheduled", "Waiting for Resource")));

    static final Resource TESTS = new Resource(EntityKind.TEST, "Test",
            Map.of("engagement", "engagement", "test_type", "test_type", "title", "title", "id", "id"),
            Map.of("title__contains", "title"), List.of("engagement", "test_type", "target_start", "target_end"),
            Map.of());

    private Resources() {}
}
