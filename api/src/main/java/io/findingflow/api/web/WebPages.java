package io.findingflow.api.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The login and API-key pages: HTML templates from web/ with {{name}} slots, filled HTML-escaped. */
final class WebPages {

    private final String login = resource("/web/login.html");
    private final String apiKey = resource("/web/api-key.html");

    private static String resource(String name) {
        try (InputStream in = WebPages.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void login(Context ctx, int status, Map<String, String> slots) {
        render(ctx, status, login, slots);
    }

    void apiKey(Context ctx, Map<String, String> slots) {
        render(ctx, 200, apiKey, slots);
    }

    private static void render(Context ctx, int status, String template, Map<String, String> slots) {
        String html = template;
        for (Map.Entry<String, String> slot : slots.entrySet()) {
            html = html.replace("{{" + slot.getKey() + "}}", escape(slot.getValue()));
        }
        ctx.status(status);
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
        ctx.result(html);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
