package io.findingflow.api.custommetrics.auth;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Tokens;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcAuthenticatorTest {

    private static final String SERVER_SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2024-03-01T12:00:00Z");
    private static final String PATH = "/v2/customMetrics?resultLimit=50&resultStart=0";

    private final EntityStore store = new EntityStore();
    private final AccessKeySecrets secrets = new AccessKeySecrets(SERVER_SECRET);
    private final Tokens tokens = new Tokens(SERVER_SECRET);
    /** What another API process wrote and this one applies only when it syncs. */
    private final List<ObjectNode> notYetApplied = new ArrayList<>();
    private final TcAuthenticator authenticator =
            new TcAuthenticator(store, secrets, Clock.fixed(NOW, ZoneOffset.UTC), this::sync);
    private long offset;
    private Entity alice;
    private Entity key;

    private void sync() {
        notYetApplied.forEach(record -> store.apply(offset++, record));
        notYetApplied.clear();
    }

    private Entity apply(String kind, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", kind).put("op", "create");
        record.set("data", data);
        return store.apply(offset++, record).entity();
    }

    @BeforeEach
    void createUserAndKey() {
        alice = apply(EntityKind.USER, Json.mapper().createObjectNode().put("username", "alice").put("is_active", true));
        store.apply(offset++, Json.mapper().createObjectNode().put("kind", EntityKind.USER).put("op", "update")
                .put("id", alice.id()).set("data", Json.mapper().createObjectNode()
                        .put("token_hash", Tokens.hash(tokens.token(alice.id(), 1)))));
        key = apply(EntityKind.TC_ACCESS_KEY, Json.mapper().createObjectNode()
                .put("access_id", "12345678901234567890").put("user", alice.id()));
    }

    private String signed(String secret, String path, String method, long timestamp) {
        return "TC 12345678901234567890:" + TcSignature.sign(secret, path, method, String.valueOf(timestamp));
    }

    @Test
    void shouldAcceptAThreatConnectSignature() {
        long ts = NOW.getEpochSecond();
        assertThat(authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", ts), String.valueOf(ts), PATH, "GET")
                .username()).isEqualTo("alice");
    }

    @Test
    void shouldAcceptTimestampsUpToFiveMinutesOffEitherWay() {
        for (long ts : new long[] {NOW.getEpochSecond() - 300, NOW.getEpochSecond() + 300}) {
            assertThat(authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", ts), String.valueOf(ts),
                    PATH, "GET").id()).isEqualTo(alice.id());
        }
    }

    @Test
    void shouldRefuseAStaleOrFutureOrMalformedTimestamp() {
        for (long ts : new long[] {NOW.getEpochSecond() - 301, NOW.getEpochSecond() + 301}) {
            assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", ts),
                    String.valueOf(ts), PATH, "GET"), 401, "Timestamp out of acceptable time range");
        }
        assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", 1), "soon", PATH, "GET"),
                401, "Timestamp out of acceptable time range");
        assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", 1), null, PATH, "GET"),
                401, "Missing Timestamp header");
    }

    @Test
    void shouldRefuseASignatureOverAnotherPathMethodOrSecret() {
        long ts = NOW.getEpochSecond();
        String t = String.valueOf(ts);
        String message = "Signature data did not match expected result";
        assertFailure(() -> authenticator.authenticate(signed("wrong-secret", PATH, "GET", ts), t, PATH, "GET"), 401, message);
        assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), PATH, "POST", ts), t, PATH, "GET"),
                401, message);
        assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), "/v2/customMetrics", "GET", ts), t,
                PATH, "GET"), 401, message);
        assertFailure(() -> authenticator.authenticate(signed(secrets.secret(key), PATH, "GET", ts - 1), t, PATH, "GET"),
                401, message);
    }

    @Test
    void shouldRefuseUnknownAccessIdsAndMalformedHeaders() {
        String t = String.valueOf(NOW.getEpochSecond());
        assertFailure(() -> authenticator.authenticate("TC 999:abc", t, PATH, "GET"), 401, "Access Denied");
        assertFailure(() -> authenticator.authenticate("TC 12345678901234567890", t, PATH, "GET"), 401, "Access Denied");
        assertFailure(() -> authenticator.authenticate("Basic YWRtaW46YWRtaW4=", t, PATH, "GET"), 401, "Access Denied");
        assertFailure(() -> authenticator.authenticate(null, t, PATH, "GET"), 401, "Missing Authorization header");
        assertFailure(() -> authenticator.authenticate("  ", t, PATH, "GET"), 401, "Missing Authorization header");
    }

    @Test
    void shouldAcceptTheUsersApiTokenAsTcTokenOrToken() {
        String token = tokens.token(alice.id(), 1);
        assertThat(authenticator.authenticate("TC-Token " + token, null, PATH, "GET").username()).isEqualTo("alice");
        assertThat(authenticator.authenticate("Token " + token, null, PATH, "GET").username()).isEqualTo("alice");
        assertFailure(() -> authenticator.authenticate("TC-Token " + tokens.token(alice.id(), 2), null, PATH, "GET"),
                401, "Unauthorized");
        assertFailure(() -> authenticator.authenticate("TC-Token", null, PATH, "GET"), 401, "Unauthorized");
    }

    @Test
    void shouldRefuseKeysOfInactiveUsersAndRevokedKeys() {
        long ts = NOW.getEpochSecond();
        String header = signed(secrets.secret(key), PATH, "GET", ts);
        store.apply(offset++, Json.mapper().createObjectNode().put("kind", EntityKind.USER).put("op", "update")
                .put("id", alice.id()).set("data", Json.mapper().createObjectNode().put("is_active", false)));
        assertFailure(() -> authenticator.authenticate(header, String.valueOf(ts), PATH, "GET"), 401, "Access Denied");
        assertFailure(() -> authenticator.authenticate("Token " + tokens.token(alice.id(), 1), null, PATH, "GET"),
                401, "Unauthorized");
        store.apply(offset++, Json.mapper().createObjectNode().put("kind", EntityKind.TC_ACCESS_KEY).put("op", "delete")
                .put("id", key.id()).set("data", Json.mapper().createObjectNode()));
        assertFailure(() -> authenticator.authenticate(header, String.valueOf(ts), PATH, "GET"), 401, "Access Denied");
    }

    @Test
    void shouldDeriveDistinctSecretsPerKeyAndServerSecret() {
        Entity other = apply(EntityKind.TC_ACCESS_KEY, Json.mapper().createObjectNode()
                .put("access_id", "12345678901234567890").put("user", alice.id()));
        assertThat(secrets.secret(key)).hasSize(43).isNotEqualTo(secrets.secret(other));
        assertThat(new AccessKeySecrets("another-server-secret-key").secret(key)).isNotEqualTo(secrets.secret(key));
        assertThat(secrets.secret(key)).isEqualTo(new AccessKeySecrets(SERVER_SECRET).secret(key));
    }

    @Test
    void shouldCatchUpWithTheLogBeforeRefusingAKeyMadeThroughAnotherProcess() {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", EntityKind.TC_ACCESS_KEY).put("op", "create");
        record.set("data", Json.mapper().createObjectNode().put("access_id", "55555555555555555555").put("user", alice.id()));
        notYetApplied.add(record);
        Entity future = new Entity(EntityKind.TC_ACCESS_KEY, offset + 1, (ObjectNode) record.get("data"));
        long ts = NOW.getEpochSecond();
        String header = "TC 55555555555555555555:" + TcSignature.sign(secrets.secret(future), PATH, "GET", String.valueOf(ts));
        assertThat(authenticator.authenticate(header, String.valueOf(ts), PATH, "GET").username()).isEqualTo("alice");
        assertThat(notYetApplied).as("synced").isEmpty();
    }
}
