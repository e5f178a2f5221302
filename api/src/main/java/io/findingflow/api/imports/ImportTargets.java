package io.findingflow.api.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds (and with auto_create_context creates) the product type, product, engagement and test an
 * import names, with DefectDojo's error strings. Creation goes through the entities log's
 * "ensure", so concurrent imports naming the same objects create each once.
 */
final class ImportTargets {

    private final EntityWrites writes;
    private final ZoneId zone;

    ImportTargets(EntityWrites writes, ZoneId zone) {
        this.writes = writes;
        this.zone = zone;
    }

    ImportTarget resolve(ImportRequest request) {
        EntityStore store = writes.store();
        if (request.test() != null) {
            Entity test = store.get(EntityKind.TEST, request.test())
                    .orElseThrow(() -> nonField("Test \"" + request.test() + "\" does not exist"));
            return fromEngagement(store.get(EntityKind.ENGAGEMENT, test.number("engagement")).orElseThrow(), test);
        }
        if (request.engagement() != null) {
            Entity engagement = store.get(EntityKind.ENGAGEMENT, request.engagement())
                    .orElseThrow(() -> nonField("Engagement \"" + request.engagement() + "\" does not exist"));
            return fromEngagement(engagement, request.reimport() ? latestTest(request, engagement).orElse(null) : null);
        }
        if (request.productName() == null || request.engagementName() == null) {
            throw nonField(request.reimport()
                    ? "Need test_id or product_name + engagement_name + scan_type to perform reimport"
                    : "Need engagement_id or product_name + engagement_name to perform import");
        }
        Optional<Entity> product = store.list(EntityKind.PRODUCT, p -> request.productName().equals(p.text("name")))
                .stream().findFirst();
        Entity productType;
        if (product.isPresent()) {
            productType = store.get(EntityKind.PRODUCT_TYPE, product.get().number("prod_type")).orElseThrow();
        } else if (!request.autoCreateContext()) {
            throw nonField("Product \"" + request.productName() + "\" does not exist and auto_create_context is not set");
        } else if (request.productTypeName() == null) {
            throw nonField("Product \"" + request.productName()
                    + "\" does not exist and no product_type_name provided to create the new product in");
        } else {
            String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
            ObjectNode typeData = Json.mapper().createObjectNode().put("name", request.productTypeName())
                    .put("description", "").put("critical_product", false).put("key_product", false)
                    .put("created", now).put("updated", now);
            productType = writes.ensure(EntityKind.PRODUCT_TYPE, typeData);
            ObjectNode productData = Json.mapper().createObjectNode().put("name", request.productName())
                    .put("description", request.productName()).put("prod_type", productType.id()).put("created", now);
            product = Optional.of(writes.ensure(EntityKind.PRODUCT, productData));
        }
        long productId = product.get().id();
        Optional<Entity> engagement = store.list(EntityKind.ENGAGEMENT,
                        e -> e.number("product") == productId && request.engagementName().equals(e.text("name")))
                .stream().max(Comparator.comparingLong(Entity::id));
        if (engagement.isEmpty()) {
            if (!request.autoCreateContext()) {
                throw nonField("Engagement \"" + request.engagementName() + "\" does not exist and auto_create_context is not set");
            }
            engagement = Optional.of(writes.ensure(EntityKind.ENGAGEMENT, newEngagement(request, product.get())));
        }
        Entity test = request.reimport() ? latestTest(request, engagement.get()).orElse(null) : null;
        return new ImportTarget(productType, product.get(), engagement.get(), test);
    }

    /** Creates the test an import-scan (or a reimport that found none) writes into. */
    Entity createTest(ImportRequest request, ImportTarget target, long testTypeId) {
        String today = LocalDate.now(zone).toString();
        String start = request.scanDate() != null ? request.scanDate() : today;
        ObjectNode data = Json.mapper().createObjectNode()
                .put("engagement", target.engagement().id())
                .put("title", request.testTitle())
                .put("scan_type", request.scanType())
                .put("test_type", testTypeId)
                .put("target_start", start + "T00:00:00Z")
                .put("target_end", start + "T00:00:00Z")
                .put("version", request.version())
                .put("build_id", request.buildId())
                .put("commit_hash", request.commitHash())
                .put("branch_tag", request.branchTag())
                .put("environment", request.environment() == null ? "Development" : request.environment())
                .put("created", java.time.Instant.now().toString());
        data.putPOJO("tags", request.tags());
        return writes.create(EntityKind.TEST, data);
    }

    private Optional<Entity> latestTest(ImportRequest request, Entity engagement) {
        return writes.store().list(EntityKind.TEST, t -> t.number("engagement") == engagement.id()
                        && request.scanType().equals(t.text("scan_type"))
                        && (request.testTitle() == null || request.testTitle().equals(t.text("title"))))
                .stream().max(Comparator.comparingLong(Entity::id));
    }

    private ImportTarget fromEngagement(Entity engagement, Entity test) {
        EntityStore store = writes.store();
        Entity product = store.get(EntityKind.PRODUCT, engagement.number("product")).orElseThrow();
        Entity productType = store.get(EntityKind.PRODUCT_TYPE, product.number("prod_type")).orElseThrow();
        return new ImportTarget(productType, product, engagement, test);
    }

    private ObjectNode newEngagement(ImportRequest request, Entity product) {
        LocalDate today = LocalDate.now(zone);
        String end = request.engagementEndDate() != null ? request.engagementEndDate() : today.plusDays(365).toString();
        ObjectNode data = Json.mapper().createObjectNode()
                .put("_ensure", true)
                .put("created", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString())
                .put("name", request.engagementName())
                .put("product", product.id())
                .put("target_start", today.toString())
                .put("target_end", end)
                .put("engagement_type", "CI/CD")
                .put("status", "In Progress")
                .put("active", true)
                .put("build_id", request.buildId())
                .put("commit_hash", request.commitHash())
                .put("branch_tag", request.branchTag())
                .put("version", request.version())
                .put("deduplication_on_engagement", request.deduplicationOnEngagement())
                .put("created", java.time.Instant.now().toString());
        return data;
    }

    private static ApiException nonField(String message) {
        return ApiException.field("non_field_errors", message);
    }
}
