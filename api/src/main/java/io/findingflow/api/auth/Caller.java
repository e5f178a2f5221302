package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;

/** The authenticated user of a request. */
public record Caller(Entity user) {

    public long id() {
        return user.id();
    }

    public String username() {
        return user.text("username");
    }

    public boolean superuser() {
        return user.data().path("is_superuser").asBoolean(false);
    }
}
