package io.findingflow.api.custommetrics.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.custommetrics.TcResponses;
import io.findingflow.api.entities.ApplyResult;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityLog;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * ThreatConnect access keys of FindingFlow users as "tc_access_key" entities {@code {access_id,
 * user, created}}: a random 20-digit access id (ThreatConnect's shape) whose secret
 * {@link AccessKeySecrets} derives.
 */
public final class AccessKeys {

    /** A new key; the secret is shown once, at creation. */
    public record Created(Entity key, String secret) {}

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityLog log;
    private final AccessKeySecrets secrets;
    private final Clock clock;

    public AccessKeys(EntityLog log, AccessKeySecrets secrets, Clock clock) {
        this.log = log;
        this.secrets = secrets;
        this.clock = clock;
    }

    public static Optional<Entity> find(EntityStore store, String accessId) {
        return store.all(EntityKind.TC_ACCESS_KEY).stream()
                .filter(key -> accessId.equals(key.text("access_id"))).findFirst();
    }

    /** The key, catching up with the entities log first if this process has not seen it yet. */
    public Optional<Entity> find(String accessId, Runnable syncOnMiss) {
        Optional<Entity> found = find(log.store(), accessId);
        if (found.isEmpty()) {
            syncOnMiss.run();
            found = find(log.store(), accessId);
        }
        return found;
    }

    /** Keys of one user, or of everyone for {@code null}, in id order. */
    public List<Entity> of(Long userId) {
        return log.store().list(EntityKind.TC_ACCESS_KEY, key -> userId == null || key.number("user") == userId);
    }

    public Created create(Caller owner) {
        StringBuilder accessId = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            accessId.append(RANDOM.nextInt(10));
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("access_id", accessId.toString());
        data.put("user", owner.id());
        data.put("created", clock.instant().toString());
        ApplyResult result = write("create", null, data, accessId.toString());
        if (result.refused()) {
            throw TcResponses.failure(503, "The access key could not be created; retry");
        }
        return new Created(result.entity(), secrets.secret(result.entity()));
    }

    public void revoke(Entity key) {
        write("delete", key.id(), Json.mapper().createObjectNode(), key.text("access_id"));
    }

    private ApplyResult write(String op, Long id, ObjectNode data, String accessId) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("kind", EntityKind.TC_ACCESS_KEY).put("op", op);
        if (id != null) {
            record.put("id", id);
        }
        record.set("data", data);
        try {
            return log.write("tc_access_key:" + accessId, record, WRITE_TIMEOUT);
        } catch (TimeoutException e) {
            throw TcResponses.failure(503, "The entity log did not answer in time; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TcResponses.failure(503, "Interrupted; retry");
        }
    }
}
