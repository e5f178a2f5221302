package io.findingflow.api.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Entity writes for controllers and services: one call, and the log's verdict as an API error. */
public final class EntityWrites {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EntityLog log;

    public EntityWrites(EntityLog log) {
        this.log = log;
    }

    public EntityStore store() {
        return log.store();
    }

    /** Brings this process's view up to the log's committed end (see {@link EntityLog#sync}). */
    public void sync() {
        try {
            log.sync(TIMEOUT);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("The entity log did not answer in time; retry.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }

    /** create: refused (e.g. duplicate name) → 400 on the refused field. */
    public Entity create(String kind, ObjectNode data) {
        return orFail(write(kind, "create", null, data));
    }

    /** get-or-create by natural key; concurrent ensures all resolve to one entity. */
    public Entity ensure(String kind, ObjectNode data) {
        return orFail(write(kind, "ensure", null, data));
    }

    public Entity update(String kind, long id, ObjectNode data) {
        return orFail(write(kind, "update", id, data));
    }

    public void delete(String kind, long id) {
        write(kind, "delete", id, Json.mapper().createObjectNode());
    }

    private ApplyResult write(String kind, String op, Long id, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("kind", kind).put("op", op);
        if (id != null) {
            record.put("id", id);
        }
        record.set("data", data);
        String key = id != null ? kind + ":" + id : kind + ":" + data.path("name").asText(data.path("username").asText(""));
        try {
            return log.write(key, record, TIMEOUT);
        } catch (TimeoutException e) {
            throw ApiException.unavailable("The entity log did not answer in time; retry.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }

    private static Entity orFail(ApplyResult result) {
        if (result.refused()) {
            throw ApiException.field(result.field(), result.error());
        }
        return result.entity();
    }
}
