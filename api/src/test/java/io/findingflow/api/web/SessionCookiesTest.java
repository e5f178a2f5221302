package io.findingflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionCookiesTest {

    private final SessionCookies cookies = new SessionCookies("0123456789abcdef-test-secret");
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aSignedCookieNamesItsUserGenerationAndExpiry() {
        String cookie = cookies.issue(42, 3, now.plusSeconds(60));
        SessionCookies.Session session = cookies.verify(cookie, now).orElseThrow();
        assertThat(session.userId()).isEqualTo(42);
        assertThat(session.generation()).isEqualTo(3);
        assertThat(session.expiresEpochSecond()).isEqualTo(now.plusSeconds(60).getEpochSecond());
    }

    @Test
    void expiredTamperedOrForeignCookiesAreRefused() {
        String cookie = cookies.issue(42, 3, now.plusSeconds(60));
        assertThat(cookies.verify(cookie, now.plusSeconds(60))).isEmpty();
        String payload = cookie.substring(0, cookie.indexOf('.'));
        String other = cookies.issue(1, 3, now.plusSeconds(60));
        assertThat(cookies.verify(payload + other.substring(other.indexOf('.')), now)).isEmpty();
        assertThat(new SessionCookies("another-secret-of-16+chars").verify(cookie, now)).isEmpty();
        assertThat(cookies.verify("garbage", now)).isEmpty();
        assertThat(cookies.verify("a.b.c", now)).isEmpty();
        assertThat(cookies.verify("!!!.???", now)).isEmpty();
        assertThat(cookies.verify(null, now)).isEmpty();
    }

    @Test
    void theCsrfTokenBelongsToOneSession() {
        SessionCookies.Session one = cookies.verify(cookies.issue(42, 0, now.plusSeconds(60)), now).orElseThrow();
        SessionCookies.Session two = cookies.verify(cookies.issue(42, 0, now.plusSeconds(60)), now).orElseThrow();
        assertThat(cookies.csrfMatches(one, cookies.csrfToken(one))).isTrue();
        assertThat(cookies.csrfMatches(one, cookies.csrfToken(two))).isFalse();
        assertThat(cookies.csrfMatches(one, null)).isFalse();
    }
}
