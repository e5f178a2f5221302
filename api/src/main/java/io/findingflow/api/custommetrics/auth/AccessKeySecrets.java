package io.findingflow.api.custommetrics.auth;

import io.findingflow.api.entities.Entity;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Secret keys of ThreatConnect access keys. Verifying an HMAC needs the secret itself, not a hash
 * of it, yet the entities log is readable by every API process and by anyone with access to the
 * topic. So, like API tokens, secrets are never stored: a secret is derived from the server secret
 * (FF_SECRET_KEY), the key's entity id and its random access id, and the log holds only the access
 * id and its owner. Revoking deletes the entity; entity ids are never reused, so a revoked secret
 * never works again. The price: whoever holds FF_SECRET_KEY can compute every secret, and rotating
 * it invalidates all access keys (as it does all API tokens).
 */
public final class AccessKeySecrets {

    private final byte[] serverSecret;

    public AccessKeySecrets(String serverSecret) {
        if (serverSecret == null || serverSecret.length() < 16) {
            throw new IllegalArgumentException("FF_SECRET_KEY must be at least 16 characters");
        }
        this.serverSecret = serverSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The secret of a "tc_access_key" entity: 43 URL-safe base64 characters. */
    public String secret(Entity key) {
        byte[] digest = TcSignature.hmac(serverSecret, "tc-secret-key:" + key.id() + ":" + key.text("access_id"));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
