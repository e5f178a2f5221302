package io.findingflow.api.custommetrics;

import io.javalin.http.Context;

/** ThreatConnect paging: {@code resultStart} (default 0) and {@code resultLimit} (default 100, at most 10000). */
public record ResultPage(int start, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    public static ResultPage of(Context ctx) {
        return of(ctx.queryParam("resultStart"), ctx.queryParam("resultLimit"));
    }

    static ResultPage of(String start, String limit) {
        int from = number(start, 0, 0, Integer.MAX_VALUE,
                "Invalid resultStart " + quoted(start) + ": use a whole number of at least 0");
        int size = number(limit, DEFAULT_LIMIT, 1, MAX_LIMIT,
                "Invalid resultLimit " + quoted(limit) + ": use a whole number from 1 to " + MAX_LIMIT);
        return new ResultPage(from, size);
    }

    /** The page of {@code items}. */
    public <T> java.util.List<T> slice(java.util.List<T> items) {
        if (start >= items.size()) {
            return java.util.List.of();
        }
        return items.subList(start, (int) Math.min(items.size(), (long) start + limit));
    }

    private static String quoted(String text) {
        return text == null ? "" : TcResponses.quoted(text);
    }

    private static int number(String text, int fallback, int min, int max, String message) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,10}")) {
            throw TcResponses.badRequest(message);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw TcResponses.badRequest(message);
        }
        return (int) value;
    }
}
