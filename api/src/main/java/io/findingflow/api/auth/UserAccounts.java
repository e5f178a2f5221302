package io.findingflow.api.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.ApplyResult;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityLog;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Users and their tokens through the entities log: bootstrap admin, login, token issue. */
public final class UserAccounts {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    private final EntityLog log;
    private final Tokens tokens;

    public UserAccounts(EntityLog log, Tokens tokens) {
        this.log = log;
        this.tokens = tokens;
    }

    /** Creates the admin superuser once (the log decides which process's record wins). */
    public void bootstrapAdmin(String username, String password, String email)
            throws InterruptedException, TimeoutException {
        if (findByUsername(username).isPresent()) {
            return;
        }
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("username", username);
        data.put("email", email);
        data.put("first_name", "");
        data.put("last_name", "");
        data.put("is_active", true);
        data.put("is_superuser", true);
        data.put("is_staff", true);
        data.put("password", Passwords.hash(password));
        data.put("date_joined", java.time.Instant.now().toString());
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("kind", EntityKind.USER).put("op", "ensure").set("data", data);
        log.write("user:" + username, record, WRITE_TIMEOUT);
    }

    public Optional<Entity> findByUsername(String username) {
        return log.store().list(EntityKind.USER, e -> username.equals(e.text("username"))).stream().findFirst();
    }

    /** Checks the password; empty when the credentials are wrong or the user is inactive. */
    public Optional<Entity> login(String username, String password) {
        Optional<Entity> user = findByUsername(username);
        if (user.isEmpty()) {
            Passwords.verify(password, Passwords.hash("timing-equaliser"));
            return Optional.empty();
        }
        if (!Passwords.verify(password, user.get().text("password"))
                || !user.get().data().path("is_active").asBoolean(true)) {
            return Optional.empty();
        }
        return user;
    }

    /** The user's token, issuing generation 1 when the user has none yet (DRF get_or_create). */
    public String tokenFor(Entity user) throws InterruptedException, TimeoutException {
        long generation = user.data().path("token_generation").asLong(0);
        if (generation == 0) {
            generation = 1;
            ObjectNode data = Json.mapper().createObjectNode();
            data.put("token_generation", generation);
            data.put("token_hash", Tokens.hash(tokens.token(user.id(), generation)));
            ObjectNode record = Json.mapper().createObjectNode();
            record.put("kind", EntityKind.USER).put("op", "update").put("id", user.id()).set("data", data);
            ApplyResult result = log.write("user:" + user.text("username"), record, WRITE_TIMEOUT);
            if (result.refused()) {
                throw new IllegalStateException("token not stored: " + result.error());
            }
        }
        return tokens.token(user.id(), generation);
    }
}
