package io.findingflow.api.metrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Sql;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v2/metrics/simple/} exactly as seed 000: one object per visible product type,
 * ordered by name, from the finding_month_counts rows the lifecycle job keeps exact.
 */
public final class MetricsSimpleController {

    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final List<String> SEVERITIES = List.of("Critical", "High", "Medium", "Low", "Info");

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final EntityStore store;
    private final ClickHouseReader clickHouse;
    private final ZoneId zone;
    private final boolean enforceVerified;

    public MetricsSimpleController(Authenticator authenticator, Authorizer authorizer, EntityStore store,
            ClickHouseReader clickHouse, ZoneId zone, boolean enforceVerified) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.store = store;
        this.clickHouse = clickHouse;
        this.zone = zone;
        this.enforceVerified = enforceVerified;
    }

    public void get(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        LocalDate month = month(ctx.queryParam("date")).withDayOfMonth(1);
        Set<Long> visibleTypes = authorizer.visibleProductTypeIds(caller);
        List<Entity> types = new ArrayList<>();
        String typeParam = ctx.queryParam("product_type_id");
        if (typeParam != null) {
            long typeId;
            try {
                typeId = Long.parseLong(typeParam.trim());
            } catch (NumberFormatException e) {
                throw error(400, "Invalid product_type_id format.");
            }
            Entity type = store.get(EntityKind.PRODUCT_TYPE, typeId)
                    .filter(t -> visibleTypes.contains(t.id()))
                    .orElseThrow(() -> error(404, "Product type not found or access denied."));
            types.add(type);
        } else {
            types.addAll(store.list(EntityKind.PRODUCT_TYPE, t -> visibleTypes.contains(t.id())));
        }
        types.sort(Comparator.comparing((Entity t) -> t.text("name")).thenComparingLong(Entity::id));
        Set<Long> products = authorizer.visibleProductIds(caller);
        Map<Long, Long> productToType = new HashMap<>();
        for (Long productId : products) {
            store.get(EntityKind.PRODUCT, productId).ifPresent(p -> productToType.put(productId, p.number("prod_type")));
        }
        Map<Long, long[]> totals = counts(month, products, productToType);
        List<Map<String, Object>> result = new ArrayList<>();
        for (Entity type : types) {
            long[] c = totals.getOrDefault(type.id(), new long[6]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("product_type_id", type.id());
            row.put("product_type_name", type.text("name"));
            row.put("Total", c[0] + c[1] + c[2] + c[3] + c[4]);
            row.put("critical", c[0]);
            row.put("high", c[1]);
            row.put("medium", c[2]);
            row.put("low", c[3]);
            row.put("info", c[4]);
            row.put("Opened", c[0] + c[1] + c[2] + c[3] + c[4]);
            row.put("Closed", c[5]);
            result.add(row);
        }
        ctx.json(result);
    }

    /** Per product type: [critical, high, medium, low, info, closed]. */
    private Map<Long, long[]> counts(LocalDate month, Set<Long> products, Map<Long, Long> productToType) {
        Map<Long, long[]> totals = new HashMap<>();
        if (products.isEmpty()) {
            return totals;
        }
        String total = enforceVerified ? "total_verified" : "total_any";
        String closed = enforceVerified ? "closed_verified" : "closed_any";
        List<ObjectNode> rows = clickHouse.rows(
                "SELECT product_id, severity, argMax(" + total + ", version) AS t, argMax(" + closed
                        + ", version) AS c FROM finding_month_counts WHERE month = toDate("
                        + Sql.quote(month.toString()) + ") AND product_id IN (" + Sql.numbers(products)
                        + ") GROUP BY product_id, severity");
        for (ObjectNode row : rows) {
            Long type = productToType.get(row.path("product_id").asLong());
            if (type == null) {
                continue;
            }
            long[] c = totals.computeIfAbsent(type, k -> new long[6]);
            int index = SEVERITIES.indexOf(row.path("severity").asText());
            c[index < 0 ? 4 : index] += row.path("t").asLong();
            c[5] += row.path("c").asLong();
        }
        return totals;
    }

    private LocalDate month(String date) {
        LocalDate today = LocalDate.now(zone);
        if (date == null) {
            return today;
        }
        if (date.length() > 20) {
            throw error(400, "Invalid date parameter length.");
        }
        if (!date.matches("[0-9-]*")) {
            throw error(400, "Invalid date format. Only numbers and hyphens allowed.");
        }
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(date, STRICT_DATE);
        } catch (DateTimeParseException e) {
            throw error(400, "Invalid date format. Use YYYY-MM-DD format.");
        }
        if (parsed.isBefore(LocalDate.of(2000, 1, 1)) || parsed.isAfter(today.plusYears(1))) {
            throw error(400, "Date must be between 2000-01-01 and one year from now.");
        }
        return parsed;
    }

    private static ApiException error(int status, String message) {
        return new ApiException(status, Map.of("error", message));
    }
}
