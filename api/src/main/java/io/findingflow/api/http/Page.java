package io.findingflow.api.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DRF limit/offset pagination: {"count","next","previous","results"} with absolute links. */
public record Page(int limit, int offset) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    public static Page of(Context ctx) {
        return new Page(number(ctx, "limit", DEFAULT_LIMIT, 1), number(ctx, "offset", 0, 0));
    }

    private static int number(Context ctx, String name, int fallback, int minimum) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < minimum) {
                return fallback; // DRF ignores out-of-range values
            }
            return Math.min(parsed, name.equals("limit") ? MAX_LIMIT : Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Map<String, Object> body(Context ctx, long count, List<?> results) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("next", (long) offset + limit < count ? link(ctx, offset + limit) : null); // long: no overflow
        body.put("previous", offset > 0 ? link(ctx, Math.max(0, offset - limit)) : null);
        body.put("results", results);
        return body;
    }

    private String link(Context ctx, int newOffset) {
        StringBuilder query = new StringBuilder();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.equals("limit") || name.equals("offset")) {
                return;
            }
            for (String v : values) {
                query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(v));
            }
        });
        query.append(query.length() == 0 ? "" : "&").append("limit=").append(limit);
        if (newOffset > 0) {
            query.append("&offset=").append(newOffset);
        }
        String base = ctx.scheme() + "://" + ctx.host() + ctx.path();
        return base + "?" + query;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
