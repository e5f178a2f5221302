package io.findingflow.api.metrics;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/metrics/simple/} exactly as seed 000: credentials first (403), then
 * {@code date} (400s in DefectDojo's order), then {@code product_type_id} (400, 404); the month
 * is the date's, or the current one in the server's time zone (DD_TIME_ZONE).
 */
public final class MetricsSimpleController {

    private final Authenticator authenticator;
    private final SimpleMetrics metrics;
    private final ZoneId zone;

    public MetricsSimpleController(Authenticator authenticator, Authorizer authorizer, EntityStore store,
            ClickHouseReader clickHouse, ZoneId zone, boolean enforceVerified, java.time.Duration maxStaleness) {
        this(authenticator, SimpleMetrics.overClickHouse(store, authorizer, clickHouse, enforceVerified, maxStaleness),
                zone);
    }

    MetricsSimpleController(Authenticator authenticator, SimpleMetrics metrics, ZoneId zone) {
        this.authenticator = authenticator;
        this.metrics = metrics;
        this.zone = zone;
    }

    public void get(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        LocalDate month = MetricsSimpleParams.month(last(ctx, "date"), LocalDate.now(zone));
        Long productTypeId = MetricsSimpleParams.productTypeId(last(ctx, "product_type_id"));
        List<Map<String, Object>> rows = metrics.report(caller, month, productTypeId)
                .orElseThrow(() -> new ApiException(404, Map.of("error", "Product type not found or access denied.")));
        ctx.json(rows);
    }

    /** Django's {@code QueryDict.get}: the last value of a repeated parameter. */
    private static String last(Context ctx, String name) {
        List<String> values = ctx.queryParams(name);
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
