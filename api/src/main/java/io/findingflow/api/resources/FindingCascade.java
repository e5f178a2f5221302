package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.findings.CurrentFindingRows;
import io.findingflow.api.findings.FindingQueries;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.imports.ImportProducers;
import io.findingflow.schemas.FindingEdit;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Deleting an engagement or test deletes its findings, as DefectDojo's cascade does: one finding
 * delete per finding through the product's finding-events (one Kafka transaction), so the
 * lifecycle job and the metrics see them go. Runs before the entity itself is deleted; returns
 * once the last delete is visible (bounded wait).
 */
final class FindingCascade {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ClickHouseReader clickHouse;
    private final ImportProducers producers;
    private final FindingQueries queries;

    FindingCascade(ClickHouseReader clickHouse, ImportProducers producers, FindingQueries queries) {
        this.clickHouse = clickHouse;
        this.producers = producers;
        this.queries = queries;
    }

    /** @param column "test_id" or "engagement_id" */
    void deleteFindings(String column, long id, long userId) {
        String condition = column + " = " + id;
        List<ObjectNode> rows = clickHouse.rows("SELECT id, product_id AS p FROM (" + CurrentFindingRows.select(
                List.of("product_id"), null, List.of(condition),
                "id IN (SELECT id FROM findings PREWHERE " + condition + ")") + ") ORDER BY id");
        if (rows.isEmpty()) {
            return;
        }
        String at = Instant.now().toString();
        try {
            RecordMetadata last = producers.transaction(sender -> {
                Future<RecordMetadata> sent = null;
                for (ObjectNode row : rows) {
                    long product = row.path("p").asLong();
                    FindingEdit edit = new FindingEdit(row.path("id").asLong(), Json.mapper().createObjectNode(), true,
                            userId, at);
                    sent = sender.send(Long.toString(product), ImportEvent.update(UUID.randomUUID().toString(), product, edit));
                }
                return sent;
            }).get();
            long lastId = rows.get(rows.size() - 1).path("id").asLong();
            if (!queries.awaitVersion(lastId, last.offset(), WAIT)) {
                throw ApiException.unavailable("The findings' deletion was accepted but is not applied yet; retry.");
            }
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw ApiException.unavailable("Kafka did not accept the findings' deletion; retry.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }
}
