package io.findingflow.api.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless, signed session cookies, so any API process can check them (DESIGN §1): the value is
 * {@code base64url(userId:generation:expiry:sessionId)} + "." + {@code base64url(HMAC-SHA256)} with
 * the server secret. Logging out bumps the user's session generation in the entities log, which
 * kills every cookie of that user on every process. The CSRF token is an HMAC of the session id.
 */
public final class SessionCookies {

    /** What a valid cookie says. */
    public record Session(long userId, long generation, long expiresEpochSecond, String sessionId) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final byte[] secret;

    public SessionCookies(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("FF_SECRET_KEY must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String issue(long userId, long generation, Instant expires) {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        String payload = userId + ":" + generation + ":" + expires.getEpochSecond() + ":" + HexFormat.of().formatHex(id);
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(mac("session:" + encoded));
    }

    /** The session when the signature is right and it has not expired; generation is checked by the caller. */
    public Optional<Session> verify(String cookie, Instant now) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0 || dot != cookie.lastIndexOf('.')) {
            return Optional.empty();
        }
        String encoded = cookie.substring(0, dot);
        try {
            byte[] signature = B64D.decode(cookie.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac("session:" + encoded))) {
                return Optional.empty();
            }
            String[] parts = new String(B64D.decode(encoded), StandardCharsets.UTF_8).split(":");
            if (parts.length != 4) {
                return Optional.empty();
            }
            Session session = new Session(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]), parts[3]);
            return session.expiresEpochSecond() > now.getEpochSecond() ? Optional.of(session) : Optional.empty();
        } catch (IllegalArgumentException e) { // bad base64 or number
            return Optional.empty();
        }
    }

    /** The CSRF token of a session: tied to its id, so it dies with the session. */
    public String csrfToken(Session session) {
        return HexFormat.of().formatHex(mac("csrf:" + session.sessionId()));
    }

    public boolean csrfMatches(Session session, String candidate) {
        return candidate != null && MessageDigest.isEqual(csrfToken(session).getBytes(StandardCharsets.US_ASCII),
                candidate.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** A random token for the login form's double-submit cookie (there is no session yet). */
    public static String randomToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
