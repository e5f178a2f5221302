package io.findingflow.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API tokens (40 hex characters, as DefectDojo's). A token is derived from the server secret, the
 * user id and a generation number, so it never has to be stored: the entities log keeps only its
 * SHA-256 hash and the generation, and {@code api-token-auth} can hand the same token out again
 * (as DefectDojo does). Regenerating bumps the generation, which invalidates the old token
 * everywhere the log is applied.
 */
public final class Tokens {

    private final byte[] secret;

    public Tokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("FF_SECRET_KEY must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String token(long userId, long generation) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("api-token:" + userId + ":" + generation).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hex hashes. */
    public static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
