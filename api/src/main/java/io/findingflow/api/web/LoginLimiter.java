package io.findingflow.api.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection: failed logins per client IP and per username within a sliding window.
 * Once either count reaches its limit, further attempts are refused with 429 until old failures
 * leave the window. The counters live in this process only (several API processes each count
 * their own), which bounds an attacker to limit × processes attempts per window.
 */
public final class LoginLimiter {

    private static final int MAX_KEYS = 100_000;
    private final int perIp;
    private final int perUser;
    private final long windowNanos;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginLimiter(int perIp, int perUser, Duration window) {
        this.perIp = perIp;
        this.perUser = perUser;
        this.windowNanos = window.toNanos();
    }

    /** True when this IP or this username has used up its failures. */
    public boolean blocked(String ip, String username, long nowNanos) {
        return count("ip:" + ip, nowNanos) >= perIp
                || (username != null && !username.isEmpty() && count(userKey(username), nowNanos) >= perUser);
    }

    public void failed(String ip, String username, long nowNanos) {
        if (failures.size() > MAX_KEYS) {
            failures.keySet().removeIf(key -> count(key, nowNanos) == 0);
        }
        add("ip:" + ip, nowNanos);
        if (username != null && !username.isEmpty()) {
            add(userKey(username), nowNanos);
        }
    }

    private static String userKey(String username) {
        return "user:" + username.toLowerCase(Locale.ROOT);
    }

    private void add(String key, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }

    private int count(String key, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
            return times.size();
        }
    }
}
