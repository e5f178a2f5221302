package io.findingflow.api.http;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.patch;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import io.findingflow.api.auth.AuthController;
import io.findingflow.api.custommetrics.CustomMetricsModule;
import io.findingflow.api.findings.FindingController;
import io.findingflow.api.health.HealthController;
import io.findingflow.api.imports.ImportController;
import io.findingflow.api.imports.TestTypeController;
import io.findingflow.api.metrics.MetricsSimpleController;
import io.findingflow.api.observability.MetricsController;
import io.findingflow.api.metrics.MetricsSimplePage;
import io.findingflow.api.resources.ResourceModule;
import io.findingflow.schemas.Json;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import java.util.Map;

/** Builds the Javalin app from its controllers: every route in one table. */
public final class ApiServer {

    /** The controllers the routes dispatch to. */
    public record Controllers(
            HealthController health,
            AuthController auth,
            ImportController imports,
            FindingController findings,
            MetricsSimpleController metricsSimple,
            TestTypeController testTypes,
            ResourceModule resources,
            CustomMetricsModule customMetrics,
            MetricsController observability) {}

    private ApiServer() {}

    /** ThreatConnect's /v2 paths: no trailing-slash redirect (the seed's list URL has one, so both). */
    private static void customMetricRoutes(CustomMetricsModule m) {
        path("v2", () -> {
            get("customMetrics", m.configs()::list);
            get("customMetrics/", m.configs()::list);
            post("customMetrics", m.configs()::create);
            post("customMetrics/", m.configs()::create);
            get("customMetrics/{metric}", m.configs()::detail);
            delete("customMetrics/{metric}", m.configs()::delete);
            post("customMetrics/{metric}/data", m.data()::post);
            get("customMetrics/{metric}/data", m.data()::series);
            get("accessKeys", m.accessKeys()::list);
            post("accessKeys", m.accessKeys()::create);
            delete("accessKeys/{accessId}", m.accessKeys()::revoke);
            // anything else under /v2 (registered last, so matched last): ThreatConnect's 404
            get("*", m.configs()::notFound);
            post("*", m.configs()::notFound);
            put("*", m.configs()::notFound);
            patch("*", m.configs()::notFound);
            delete("*", m.configs()::notFound);
        });
    }

    public static Javalin create(Controllers c, long maxUploadBytes, String uploadDir) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.create(), false));
            config.router.ignoreTrailingSlashes = false;
            config.http.prefer405over404 = true; // DRF answers a known path with a wrong method 405
            config.events(events -> events.handlerAdded(c.resources().routes()::add)); // → OpenAPI
            config.http.maxRequestSize = 10_000_000L;
            config.jetty.multipartConfig.cacheDirectory(uploadDir);
            config.jetty.multipartConfig.maxFileSize(maxUploadBytes + 1, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + 10_000_000L, SizeUnit.BYTES);
            config.router.apiBuilder(() -> {
                get("health", c.health()::get);
                get("metrics", c.observability()::get);
                get("metrics/simple", MetricsSimplePage.fromClasspath()::get);
                get("static/swagger-ui/{file}", c.resources().openApi()::asset);
                customMetricRoutes(c.customMetrics());
                path("api/v2", () -> {
                    post("api-token-auth/", c.auth()::tokenAuth);
                    post("import-scan/", c.imports()::importScan);
                    post("reimport-scan/", c.imports()::reimportScan);
                    get("findings/", c.findings()::list);
                    post("findings/", c.findings()::create);
                    get("findings/{id}/", c.findings()::detail);
                    patch("findings/{id}/", c.findings()::patch);
                    put("findings/{id}/", c.findings()::put);
                    delete("findings/{id}/", c.findings()::delete);
                    get("metrics/simple/", c.metricsSimple()::get);
                    get("test_types/", c.testTypes()::list);
                    get("test_types/{id}/", c.testTypes()::detail);
                    c.resources().controllers().forEach((name, controller) -> {
                        get(name + "/", controller::list);
                        post(name + "/", controller::create);
                        get(name + "/{id}/", controller::detail);
                        patch(name + "/{id}/", controller::patch);
                        put(name + "/{id}/", controller::put);
                        delete(name + "/{id}/", controller::delete);
                    });
                    get("test_imports/", c.resources().testImports()::list);
                    get("test_imports/{id}/", c.resources().testImports()::detail);
                    get("user_profile/", c.resources().userProfile()::get);
                    get("oa3/schema/", c.resources().openApi()::schema);
                    get("oa3/swagger-ui/", c.resources().openApi()::swaggerUi);
                });
            });
        });
        // Django's APPEND_SLASH: /api/v2/x → 301 /api/v2/x/ with the query kept
        app.before("/api/v2/*", ctx -> {
            if (!ctx.path().endsWith("/")) {
                String query = ctx.queryString();
                ctx.header("Location", ctx.path() + "/" + (query == null ? "" : "?" + query));
                ctx.status(301);
                ctx.skipRemainingHandlers();
            }
        });
        ErrorMapping.register(app);
        c.observability().instrument(app);
        return app;
    }
}
