package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.ApplyResult;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityLog;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Custom metric configs in the entities log. Name uniqueness is decided by log order (EntityStore's
 * natural key for "custom_metric"), so concurrent creates of one name give one 201 and 409s on
 * every API process alike. Lists, and lookups that miss, first catch up with the log, so a metric
 * created through another API process is seen at once.
 */
public final class MetricConfigs {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private final EntityLog log;

    public MetricConfigs(EntityLog log) {
        this.log = log;
    }

    /** Every config in id order. */
    public List<MetricConfig> all() {
        sync();
        return log.store().list(EntityKind.CUSTOM_METRIC, e -> true).stream().map(MetricConfig::of).toList();
    }

    /** By id when {@code nameOrId} is a number naming an existing id, else by name. */
    public Optional<MetricConfig> find(String nameOrId) {
        Optional<MetricConfig> found = lookUp(nameOrId);
        if (found.isPresent()) {
            return found;
        }
        sync(); // perhaps just created through another API process
        return lookUp(nameOrId);
    }

    private Optional<MetricConfig> lookUp(String nameOrId) {
        if (nameOrId.matches("[0-9]{1,18}")) {
            Optional<Entity> byId = log.store().get(EntityKind.CUSTOM_METRIC, Long.parseLong(nameOrId));
            if (byId.isPresent()) {
                return byId.map(MetricConfig::of);
            }
        }
        return log.store().list(EntityKind.CUSTOM_METRIC, e -> nameOrId.equals(e.text("name"))).stream()
                .findFirst().map(MetricConfig::of);
    }

    /** The config or a 404 Failure. */
    public MetricConfig require(String nameOrId) {
        return find(nameOrId).orElseThrow(TcResponses::notFound);
    }

    /** Creates the config; 409 when the name is taken (earlier in the log). */
    public MetricConfig create(MetricConfig config) {
        ApplyResult result = write("create", null, config.entityData(), "custom_metric:" + config.name());
        if (result.refused()) {
            throw TcResponses.failure(409, "A custom metric named \"" + config.name() + "\" already exists");
        }
        return MetricConfig.of(result.entity());
    }

    public void delete(MetricConfig config) {
        write("delete", config.id(), Json.mapper().createObjectNode(), "custom_metric:" + config.id());
    }

    /** Applies everything committed to the entities log so far. */
    public void sync() {
        try {
            log.sync(WRITE_TIMEOUT);
        } catch (TimeoutException e) {
            throw TcResponses.failure(503, "The entity log did not answer in time; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TcResponses.failure(503, "Interrupted; retry");
        }
    }

    private ApplyResult write(String op, Long id, ObjectNode data, String key) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("kind", EntityKind.CUSTOM_METRIC).put("op", op);
        if (id != null) {
            record.put("id", id);
        }
        record.set("data", data);
        try {
            return log.write(key, record, WRITE_TIMEOUT);
        } catch (TimeoutException e) {
            throw TcResponses.failure(503, "The entity log did not answer in time; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TcResponses.failure(503, "Interrupted; retry");
        }
    }
}
