package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.javalin.http.Context;

/**
 * DRF token authentication: {@code Authorization: Token <key>}. No header → 403 "Authentication
 * credentials were not provided."; unknown token or inactive user → 403 "Invalid token.".
 */
public final class Authenticator {

    private static final String CALLER = "ff.caller";
    private final TokenUsers tokenUsers;

    /** @param syncOnMiss brings the entity view up to date; run once before refusing an unknown token */
    public Authenticator(EntityStore store, Runnable syncOnMiss) {
        this.tokenUsers = new TokenUsers(store, syncOnMiss);
    }

    /** Hook for other authentication steps (web sessions): the request's caller, already authenticated. */
    public static void remember(Context ctx, Caller caller) {
        ctx.attribute(CALLER, caller);
    }

    /** Authenticates the request and remembers the caller on the context. */
    public Caller authenticate(Context ctx) {
        Caller known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw ApiException.notAuthenticated();
        }
        String[] parts = header.trim().split("\\s+");
        if (!parts[0].equalsIgnoreCase("Token")) {
            throw ApiException.notAuthenticated();
        }
        if (parts.length != 2) {
            throw new ApiException(403, java.util.Map.of("detail",
                    parts.length == 1 ? "Invalid token header. No credentials provided."
                            : "Invalid token header. Token string should not contain spaces."));
        }
        Entity user = tokenUsers.find(parts[1]).orElse(null);
        if (user == null || !user.data().path("is_active").asBoolean(true)) {
            throw ApiException.invalidToken();
        }
        Caller caller = new Caller(user);
        ctx.attribute(CALLER, caller);
        return caller;
    }
}
