package io.findingflow.api.custommetrics.auth;

import io.findingflow.api.auth.Caller;
import io.findingflow.api.custommetrics.TcResponses;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/accessKeys}: any authenticated user lists, creates and revokes their own ThreatConnect
 * access keys (a key carries exactly its owner's rights); superusers see and revoke everyone's.
 * The secret key appears only in the answer to the create.
 */
public final class AccessKeyController {

    private final TcAuthenticator authenticator;
    private final AccessKeys keys;
    private final EntityStore store;
    private final Runnable sync;

    public AccessKeyController(TcAuthenticator authenticator, AccessKeys keys, EntityStore store, Runnable sync) {
        this.authenticator = authenticator;
        this.keys = keys;
        this.store = store;
        this.sync = sync;
    }

    public void list(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        sync.run();
        List<Map<String, Object>> listed = keys.of(caller.superuser() ? null : caller.id()).stream()
                .map(key -> json(key, null)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resultCount", listed.size());
        data.put("accessKey", listed);
        ctx.json(TcResponses.success(data));
    }

    public void create(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        AccessKeys.Created created = keys.create(caller);
        ctx.status(201).json(TcResponses.success("accessKey", json(created.key(), created.secret())));
    }

    public void revoke(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        Entity key = keys.find(ctx.pathParam("accessId"), sync)
                .filter(k -> caller.superuser() || k.number("user") == caller.id())
                .orElseThrow(TcResponses::notFound);
        keys.revoke(key);
        ctx.json(TcResponses.success());
    }

    private Map<String, Object> json(Entity key, String secret) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accessId", key.text("access_id"));
        if (secret != null) {
            json.put("secretKey", secret);
        }
        json.put("user", store.get(EntityKind.USER, key.number("user")).map(u -> u.text("username")).orElse(null));
        json.put("created", key.text("created"));
        return json;
    }
}
