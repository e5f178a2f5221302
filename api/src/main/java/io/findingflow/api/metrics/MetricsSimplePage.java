package io.findingflow.api.metrics;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /metrics/simple}: the metrics/simple page, one self-contained HTML file (no build
 * step, no external resources) that logs in through api-token-auth and calls
 * /api/v2/metrics/simple/ from the browser.
 */
public final class MetricsSimplePage {

    static final String RESOURCE = "/web/metrics-simple.html";

    private final byte[] html;

    private MetricsSimplePage(byte[] html) {
        this.html = html;
    }

    public static MetricsSimplePage fromClasspath() {
        try (InputStream in = MetricsSimplePage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new MetricsSimplePage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(Context ctx) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        ctx.result(html);
    }
}
