package io.findingflow.api.metrics;

import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * metrics/simple's rows, DefectDojo's way: one per product type the caller holds
 * Product_Type_View on (superuser, a global role, or a role on the type itself — as
 * {@code get_authorized_product_types}; a role on one product does not show its type), ordered by
 * name, counting every product that belongs to the type <em>now</em> — so a product moved to
 * another type moves its counts. Knows nothing of HTTP.
 */
public final class SimpleMetrics {

    private final EntityStore store;
    private final Authorizer authorizer;
    private final MonthCountSource counts;

    SimpleMetrics(EntityStore store, Authorizer authorizer, MonthCountSource counts) {
        this.store = store;
        this.authorizer = authorizer;
        this.counts = counts;
    }

    /**
     * Counts from finding_month_counts, cached per month and re-validated at most every
     * {@code maxStaleness} (and after each of this process's own writes): see {@link CachedMonthCounts}.
     */
    public static SimpleMetrics overClickHouse(EntityStore store, Authorizer authorizer,
            io.findingflow.api.clickhouse.ClickHouseReader clickHouse, boolean enforceVerified,
            java.time.Duration maxStaleness) {
        return new SimpleMetrics(store, authorizer, new CachedMonthCounts(new MonthCountQueries(clickHouse,
                enforceVerified), io.findingflow.api.clickhouse.TableWatch.of(clickHouse, "finding_month_counts",
                maxStaleness)));
    }

    /**
     * The rows of the month starting at {@code month}; with {@code productTypeId}, that type's row
     * only, or empty when it does not exist or the caller may not view it.
     */
    public Optional<List<Map<String, Object>>> report(Caller caller, LocalDate month, Long productTypeId) {
        Grants grants = authorizer.grants(caller);
        List<Entity> types = new ArrayList<>();
        if (productTypeId != null) {
            Optional<Entity> type = store.get(EntityKind.PRODUCT_TYPE, productTypeId)
                    .filter(t -> grants.onProductType(t.id()).isPresent());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            types.add(type.get());
        } else {
            types.addAll(store.list(EntityKind.PRODUCT_TYPE, t -> grants.onProductType(t.id()).isPresent()));
            types.sort(Comparator.comparing((Entity t) -> String.valueOf(t.text("name"))).thenComparingLong(Entity::id));
        }
        Map<Long, Long> productToType = new HashMap<>();
        for (Entity product : store.all(EntityKind.PRODUCT)) {
            productToType.put(product.id(), product.number("prod_type"));
        }
        Map<Long, long[]> byProduct = counts.byProduct(month, productTypeId == null ? null
                : productToType.entrySet().stream().filter(e -> e.getValue().equals(productTypeId))
                        .map(Map.Entry::getKey).toList());
        Map<Long, long[]> byType = new HashMap<>();
        byProduct.forEach((product, c) -> {
            Long type = productToType.get(product);
            if (type != null) {
                long[] sum = byType.computeIfAbsent(type, k -> new long[MonthCountSource.SIZE]);
                for (int i = 0; i < c.length; i++) {
                    sum[i] += c[i];
                }
            }
        });
        List<Map<String, Object>> rows = new ArrayList<>(types.size());
        for (Entity type : types) {
            rows.add(row(type, byType.getOrDefault(type.id(), new long[MonthCountSource.SIZE])));
        }
        return Optional.of(rows);
    }

    private static Map<String, Object> row(Entity type, long[] c) {
        long total = c[MonthCountSource.CRITICAL] + c[MonthCountSource.HIGH] + c[MonthCountSource.MEDIUM]
                + c[MonthCountSource.LOW] + c[MonthCountSource.INFO];
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("product_type_id", type.id());
        row.put("product_type_name", type.text("name"));
        row.put("Total", total);
        row.put("critical", c[MonthCountSource.CRITICAL]);
        row.put("high", c[MonthCountSource.HIGH]);
        row.put("medium", c[MonthCountSource.MEDIUM]);
        row.put("low", c[MonthCountSource.LOW]);
        row.put("info", c[MonthCountSource.INFO]);
        row.put("Opened", total);
        row.put("Closed", c[MonthCountSource.CLOSED]);
        return row;
    }
}
