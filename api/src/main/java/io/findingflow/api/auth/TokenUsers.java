package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import java.util.Optional;

/**
 * Users by their API token, for every scheme that carries one (DRF's {@code Token}, ThreatConnect's
 * {@code TC-Token}). Only token hashes are stored; every user's hash is compared in constant time, so
 * timing reveals no prefix. An unknown token first brings the entity view up to date: it may have been
 * issued a moment ago through another API process.
 */
public final class TokenUsers {

    private final EntityStore store;
    private final Runnable syncOnMiss;

    public TokenUsers(EntityStore store, Runnable syncOnMiss) {
        this.store = store;
        this.syncOnMiss = syncOnMiss;
    }

    /** The user holding {@code token} (active or not), or empty. */
    public Optional<Entity> find(String token) {
        Entity user = lookUp(token);
        if (user == null) {
            syncOnMiss.run();
            user = lookUp(token);
        }
        return Optional.ofNullable(user);
    }

    private Entity lookUp(String token) {
        String hash = Tokens.hash(token);
        Entity found = null;
        for (Entity user : store.all(EntityKind.USER)) {
            if (Tokens.sameHash(hash, user.text("token_hash"))) {
                found = user;
            }
        }
        return found;
    }
}
