package io.findingflow.api.custommetrics;

import io.findingflow.api.auth.Caller;
import io.findingflow.api.custommetrics.auth.TcAuthenticator;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /v2/customMetrics}: list, detail, create and delete metric configs (HTTP only). */
public final class CustomMetricController {

    private final TcAuthenticator authenticator;
    private final MetricConfigs configs;
    private final MetricPermissions permissions;

    public CustomMetricController(TcAuthenticator authenticator, MetricConfigs configs, MetricPermissions permissions) {
        this.authenticator = authenticator;
        this.configs = configs;
        this.permissions = permissions;
    }

    /** resultCount is the number of all configs; customMetricConfig is always a list. */
    public void list(Context ctx) {
        authenticator.authenticate(ctx);
        ResultPage page = ResultPage.of(ctx);
        List<MetricConfig> all = configs.all();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("resultCount", all.size());
        data.put("customMetricConfig", page.slice(all).stream().map(MetricConfig::toJson).toList());
        ctx.json(TcResponses.success(data));
    }

    public void detail(Context ctx) {
        authenticator.authenticate(ctx);
        ctx.json(TcResponses.success("customMetricConfig", configs.require(ctx.pathParam("metric")).toJson()));
    }

    public void create(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        permissions.requireCreate(caller);
        MetricConfig created = configs.create(MetricConfigValidator.parse(TcResponses.json(ctx.body())));
        ctx.status(201).json(TcResponses.success("customMetricConfig", created.toJson()));
    }

    public void delete(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        MetricConfig config = configs.require(ctx.pathParam("metric"));
        permissions.requireDelete(caller);
        configs.delete(config);
        ctx.json(TcResponses.success());
    }

    /** Anything else under /v2: ThreatConnect's 404. */
    public void notFound(Context ctx) {
        throw TcResponses.notFound();
    }
}
