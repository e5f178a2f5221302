package io.findingflow.api.web;

import java.time.Duration;
import java.util.Map;

/**
 * Web login, session and API-token settings, from environment variables with documented defaults:
 * {@code DD_SESSION_COOKIE_AGE} (seconds, default 1209600 = two weeks, as DefectDojo),
 * {@code DD_API_TOKENS_ENABLED} and {@code DD_API_TOKEN_AUTH_ENDPOINT_ENABLED} (default True),
 * {@code FF_LOGIN_FAILURES_PER_IP} (default 50), {@code FF_LOGIN_FAILURES_PER_USER} (default 5) failed
 * logins within {@code FF_LOGIN_FAILURE_WINDOW_SECONDS} (default 900) before 429. The counters are
 * kept per API process.
 */
public record WebConfig(
        Duration sessionAge,
        boolean tokensEnabled,
        boolean tokenAuthEndpointEnabled,
        int failuresPerIp,
        int failuresPerUser,
        Duration failureWindow) {

    public static WebConfig fromEnv(Map<String, String> env) {
        return new WebConfig(
                Duration.ofSeconds(positive(env, "DD_SESSION_COOKIE_AGE", "1209600")),
                bool(env.getOrDefault("DD_API_TOKENS_ENABLED", "True")),
                bool(env.getOrDefault("DD_API_TOKEN_AUTH_ENDPOINT_ENABLED", "True")),
                (int) positive(env, "FF_LOGIN_FAILURES_PER_IP", "50"),
                (int) positive(env, "FF_LOGIN_FAILURES_PER_USER", "5"),
                Duration.ofSeconds(positive(env, "FF_LOGIN_FAILURE_WINDOW_SECONDS", "900")));
    }

    private static long positive(Map<String, String> env, String name, String fallback) {
        String raw = env.getOrDefault(name, fallback).trim();
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got: " + raw);
        }
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got: " + raw);
        }
        return value;
    }

    static boolean bool(String value) {
        String v = value.trim();
        return v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
    }
}
