package io.findingflow.api.custommetrics.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * ThreatConnect's request signature: base64(HMAC-SHA256(secret, "{path with query}:{METHOD}:{timestamp}")).
 * Clients send it as {@code Authorization: TC <accessId>:<signature>} with a {@code Timestamp} header.
 */
public final class TcSignature {

    private TcSignature() {}

    public static String sign(String secret, String pathWithQuery, String method, String timestamp) {
        return Base64.getEncoder().encodeToString(
                hmac(secret.getBytes(StandardCharsets.UTF_8), pathWithQuery + ":" + method + ":" + timestamp));
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
