package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.imports.ImportCompletion;
import io.findingflow.api.imports.ImportProducers;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.HashCodeCalculator;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.FindingIds;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * People's finding writes. They go through Kafka like imports do — an edit is an "update" record
 * of the product's finding-events, a new finding a one-finding import — so the lifecycle job and
 * the metrics see every change in the product's one order. Each call returns once the change is
 * visible in ClickHouse.
 */
public final class FindingWrites {

    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Authorizer authorizer;
    private final FindingQueries queries;
    private final EntityStore store;
    private final ImportProducers producers;
    private final ImportCompletion completion;
    private final boolean deduplication;

    public FindingWrites(Authorizer authorizer, FindingQueries queries, EntityStore store, ImportProducers producers,
            ImportCompletion completion, boolean deduplication) {
        this.authorizer = authorizer;
        this.queries = queries;
        this.store = store;
        this.producers = producers;
        this.completion = completion;
        this.deduplication = deduplication;
    }

    ObjectNode edit(Caller caller, long id, JsonNode body, boolean put) throws IOException, InterruptedException {
        ObjectNode row = writable(caller, id);
        ObjectNode changes = FindingChanges.of(body, FindingView.of(row), put);
        long offset = send(row.path("product_id").asLong(),
                new FindingEdit(id, changes, false, caller.id(), Instant.now().toString()));
        return FindingView.of(await(caller, id, offset));
    }

    void delete(Caller caller, long id) throws IOException, InterruptedException {
        ObjectNode row = writable(caller, id);
        // DESIGN §3: deleting below the product is a Maintainer's right, editing a Writer's
        if (!authorizer.roleOnProduct(caller, row.path("product_id").asLong()).orElseThrow().atLeast(Role.MAINTAINER)) {
            throw ApiException.forbidden();
        }
        long offset = send(row.path("product_id").asLong(),
                new FindingEdit(id, Json.mapper().createObjectNode(), true, caller.id(), Instant.now().toString()));
        if (!queries.awaitVersion(id, offset, WAIT)) {
            throw ApiException.unavailable("The change was accepted but is not applied yet; retry the read.");
        }
    }

    /**
     * POST /findings/: a manual finding is a one-finding import into its test. As DefectDojo's
     * check_post_permission, the test is checked before the body: missing → 400, unknown or outside
     * the caller's scope → 404, visible without the Writer role → 403; then the fields are validated.
     */
    ObjectNode create(Caller caller, JsonNode body) throws IOException, InterruptedException {
        JsonNode testField = body.get("test");
        if (testField == null || testField.isNull() || testField.asText().isBlank()) {
            throw new ApiException(400, java.util.Map.of("detail",
                    "Unable to check for permissions: Attribute 'test' is required"));
        }
        if (testField.canConvertToLong()) {
            authorizeCreate(caller, testField.asLong());
        }
        Finding finding = NewFindings.parse(body);
        long testId = testField.asLong();
        Entity test = store.get(EntityKind.TEST, testId).orElseThrow(() -> ApiException.notFound("Test"));
        Entity engagement = store.get(EntityKind.ENGAGEMENT, test.number("engagement")).orElseThrow();
        Entity product = store.get(EntityKind.PRODUCT, engagement.number("product")).orElseThrow();
        String scanType = test.text("scan_type") == null ? "Manual" : test.text("scan_type");
        finding.hashCode = HashCodeCalculator.compute(finding, DedupSettings.forScanType(scanType));
        ImportHeader header = new ImportHeader(UUID.randomUUID().toString(), false, product.number("prod_type"),
                product.id(), engagement.id(), testId, scanType, DedupSettings.forScanType(scanType).algorithm().setting(),
                null, LocalDateTime.now(ZoneOffset.UTC).format(CLICKHOUSE_TIME), caller.id(), false, "engagement",
                false, deduplication, false, 1);
        String key = Long.toString(product.id());
        JsonNode json = Json.mapper().valueToTree(finding);
        RecordMetadata position;
        try {
            position = producers.transaction(sender -> {
                sender.send(key, ImportEvent.begin(header));
                Future<RecordMetadata> record = sender.send(key, ImportEvent.finding(header.importId(), product.id(), json));
                sender.send(key, ImportEvent.end(header.importId(), product.id()));
                return record;
            }).get();
        } catch (ExecutionException e) {
            throw new IOException("Kafka did not accept the finding", e.getCause());
        }
        ImportCompletion.Result result = completion.await(header.importId());
        if (result.statistics() == null) {
            throw ApiException.unavailable("The finding was accepted but is not applied yet; retry the read.");
        }
        long id = FindingIds.fromPosition(position.partition(), position.offset());
        return FindingView.of(queries.find(authorizer.visibleProductIds(caller), id).orElseThrow());
    }

    private void authorizeCreate(Caller caller, long testId) {
        Entity test = store.get(EntityKind.TEST, testId).orElseThrow(() -> ApiException.notFound("Test"));
        long productId = store.get(EntityKind.ENGAGEMENT, test.number("engagement"))
                .map(engagement -> engagement.number("product")).orElseThrow(() -> ApiException.notFound("Test"));
        Role role = authorizer.roleOnProduct(caller, productId).orElseThrow(() -> ApiException.notFound("Test"));
        if (role == Role.READER || !role.atLeast(Role.WRITER)) {
            throw ApiException.forbidden();
        }
    }

    private ObjectNode writable(Caller caller, long id) {
        ObjectNode row = queries.find(authorizer.visibleProductIds(caller), id)
                .orElseThrow(() -> ApiException.notFound("Finding"));
        Role role = authorizer.roleOnProduct(caller, row.path("product_id").asLong()).orElseThrow();
        if (role == Role.READER || !role.atLeast(Role.WRITER)) {
            throw ApiException.forbidden();
        }
        return row;
    }

    private long send(long productId, FindingEdit edit) throws IOException, InterruptedException {
        try {
            return producers.transaction(sender -> sender.send(Long.toString(productId),
                    ImportEvent.update(UUID.randomUUID().toString(), productId, edit))).get().offset();
        } catch (ExecutionException e) {
            throw new IOException("Kafka did not accept the change", e.getCause());
        }
    }

    private ObjectNode await(Caller caller, long id, long offset) throws InterruptedException {
        if (!queries.awaitVersion(id, offset, WAIT)) {
            throw ApiException.unavailable("The change was accepted but is not applied yet; retry the read.");
        }
        return queries.find(authorizer.visibleProductIds(caller), id).orElseThrow(() -> ApiException.notFound("Finding"));
    }
}
