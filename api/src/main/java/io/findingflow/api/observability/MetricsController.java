package io.findingflow.api.observability;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.StringWriter;

/** {@code GET /metrics} in Prometheus text format, and the hooks that time every request. */
public final class MetricsController {

    private static final String STARTED = "ff.started";
    private final ApiMetrics metrics;
    private final KafkaLag lag;

    public MetricsController(ApiMetrics metrics, KafkaLag lag) {
        this.metrics = metrics;
        this.lag = lag;
    }

    public void get(Context ctx) throws Exception {
        lag.refresh(metrics);
        StringWriter out = new StringWriter();
        TextFormat.write004(out, metrics.registry().metricFamilySamples());
        ctx.contentType(TextFormat.CONTENT_TYPE_004).result(out.toString());
    }

    /** Times every request under its route pattern (not the raw path: ids would explode the labels). */
    public void instrument(Javalin app) {
        app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        app.after(ctx -> {
            Long started = ctx.attribute(STARTED);
            if (started == null) {
                return;
            }
            String route = ctx.endpointHandlerPath();
            if (route == null || route.isEmpty() || route.equals("*")) {
                route = "unmatched";
            }
            String method = ctx.method().name();
            metrics.requests.labels(method, route, String.valueOf(ctx.statusCode())).inc();
            metrics.latency.labels(method, route).observe((System.nanoTime() - started) / 1e9);
        });
    }
}
