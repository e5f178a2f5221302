package io.findingflow.api.custommetrics.auth;

import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.TokenUsers;
import io.findingflow.api.custommetrics.TcResponses;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

/**
 * Authentication of /v2 requests, every failure a 401 Failure envelope (ThreatConnect's messages
 * where it has them):
 * <ul>
 *   <li>{@code Authorization: TC <accessId>:<signature>} + {@code Timestamp} (epoch seconds, at most
 *       5 minutes off), signature per {@link TcSignature} over the raw path and query as sent;</li>
 *   <li>{@code Authorization: TC-Token <token>} or {@code Token <token>} with the user's
 *       DefectDojo API token.</li>
 * </ul>
 * An unknown access id or token first brings the entity view up to date (a key or token made a
 * moment ago through another API process), then fails.
 */
public final class TcAuthenticator {

    public static final long MAX_CLOCK_SKEW_SECONDS = 300;
    private static final String CALLER = "ff.tc.caller";

    private final EntityStore store;
    private final AccessKeySecrets secrets;
    private final Clock clock;
    private final Runnable syncOnMiss;
    private final TokenUsers tokenUsers;

    public TcAuthenticator(EntityStore store, AccessKeySecrets secrets, Clock clock, Runnable syncOnMiss) {
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
        this.syncOnMiss = syncOnMiss;
        this.tokenUsers = new TokenUsers(store, syncOnMiss);
    }

    public Caller authenticate(Context ctx) {
        Caller known = ctx.attribute(CALLER);
        if (known != null) {
            return known;
        }
        String query = ctx.queryString();
        Caller caller = authenticate(ctx.header("Authorization"), ctx.header("Timestamp"),
                ctx.req().getRequestURI() + (query == null ? "" : "?" + query), ctx.method().name());
        ctx.attribute(CALLER, caller);
        return caller;
    }

    /** The caller of a request with these headers, path (with query) and method. */
    public Caller authenticate(String authorization, String timestamp, String pathWithQuery, String method) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Missing Authorization header");
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String credentials = space < 0 ? "" : header.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("TC")) {
            return signed(credentials, timestamp, pathWithQuery, method);
        }
        if (scheme.equalsIgnoreCase("TC-Token") || scheme.equalsIgnoreCase("Token")) {
            Entity user = credentials.isEmpty() || credentials.contains(" ") ? null
                    : tokenUsers.find(credentials).orElse(null);
            return active(user).orElseThrow(() -> unauthorized("Unauthorized"));
        }
        throw unauthorized("Access Denied");
    }

    private Caller signed(String credentials, String timestamp, String pathWithQuery, String method) {
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw unauthorized("Access Denied");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw unauthorized("Missing Timestamp header");
        }
        if (!timestamp.strip().matches("[0-9]{1,12}") || Math.abs(
                clock.instant().getEpochSecond() - Long.parseLong(timestamp.strip())) > MAX_CLOCK_SKEW_SECONDS) {
            throw unauthorized("Timestamp out of acceptable time range");
        }
        String accessId = credentials.substring(0, colon);
        Optional<Entity> known = AccessKeys.find(store, accessId);
        if (known.isEmpty()) {
            syncOnMiss.run();
            known = AccessKeys.find(store, accessId);
        }
        Entity key = known.orElseThrow(() -> unauthorized("Access Denied"));
        String expected = TcSignature.sign(secrets.secret(key), pathWithQuery, method, timestamp.strip());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentials.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw unauthorized("Signature data did not match expected result");
        }
        return active(store.get(EntityKind.USER, key.number("user")).orElse(null))
                .orElseThrow(() -> unauthorized("Access Denied"));
    }

    private static Optional<Caller> active(Entity user) {
        return user == null || !user.data().path("is_active").asBoolean(true)
                ? Optional.empty() : Optional.of(new Caller(user));
    }

    private static ApiException unauthorized(String message) {
        return TcResponses.failure(401, message);
    }
}
