package io.findingflow.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aUsernameIsBlockedAfterItsFailuresUntilTheyLeaveTheWindow() {
        LoginLimiter limiter = new LoginLimiter(100, 3, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.blocked("10.0.0." + i, "Alice", i * SECOND)).isFalse();
            limiter.failed("10.0.0." + i, "Alice", i * SECOND);
        }
        assertThat(limiter.blocked("10.0.0.9", "alice", 3 * SECOND)).as("case-insensitive").isTrue();
        assertThat(limiter.blocked("10.0.0.9", "bob", 3 * SECOND)).isFalse();
        assertThat(limiter.blocked("10.0.0.9", "alice", 60 * SECOND)).as("first failure left the window").isFalse();
    }

    @Test
    void anIpIsBlockedAfterItsFailuresWhateverTheUsername() {
        LoginLimiter limiter = new LoginLimiter(2, 100, Duration.ofSeconds(60));
        limiter.failed("10.0.0.1", "a", 0);
        assertThat(limiter.blocked("10.0.0.1", "c", 0)).isFalse();
        limiter.failed("10.0.0.1", "b", 0);
        assertThat(limiter.blocked("10.0.0.1", "c", 0)).isTrue();
        assertThat(limiter.blocked("10.0.0.2", "c", 0)).isFalse();
    }

    @Test
    void nextMustBeALocalPath() {
        assertThat(WebModule.safeNext("/metrics/simple?date=2024-01-01")).isEqualTo("/metrics/simple?date=2024-01-01");
        assertThat(WebModule.safeNext("/api/key-v2")).isEqualTo("/api/key-v2");
        for (String bad : new String[] {null, "", "https://evil.example/", "//evil.example/", "/\\evil.example",
                "/login?next=/x", "relative", "/a\r\nSet-Cookie: x=1"}) {
            assertThat(WebModule.safeNext(bad)).as(String.valueOf(bad)).isEqualTo("/metrics/simple");
        }
    }
}
