package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import io.findingflow.schemas.Sql;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ids of each product's active findings (latest versions, not deleted), in id order: DefectDojo's
 * Product {@code findings_count} and {@code findings_list} ({@code open_findings_list}). One query per
 * page of products and version of the findings table ({@link TableWatch}).
 */
final class ActiveFindings {

    /** Pages of products kept (each at most a page's products' active ids). */
    private static final int MAX_PAGES = 64;

    private final ClickHouseReader clickHouse;
    private final VersionedCache<List<Long>, Map<Long, List<Long>>> answers;

    ActiveFindings(ClickHouseReader clickHouse, TableWatch watch) {
        this.clickHouse = clickHouse;
        this.answers = VersionedCache.ofEntries(watch, MAX_PAGES);
    }

    Map<Long, List<Long>> byProduct(Collection<Long> products) {
        return products.isEmpty() ? Map.of() : answers.get(products.stream().sorted().toList(), this::query);
    }

    private Map<Long, List<Long>> query(Collection<Long> products) {
        Map<Long, List<Long>> ids = new HashMap<>();
        // aliases must not shadow columns inside the aggregates (older servers substitute them): l_*
        List<ObjectNode> rows = clickHouse.rows("SELECT l_product AS product_id, groupArray(id) AS ids FROM ("
                + "SELECT id, l_product FROM (SELECT id, any(product_id) AS l_product, argMax(active, version) AS l_active,"
                + " argMax(deleted, version) AS l_deleted FROM findings WHERE product_id IN (" + Sql.numbers(products)
                + ") GROUP BY id) WHERE l_active = 1 AND l_deleted = 0 ORDER BY id) GROUP BY l_product");
        for (ObjectNode row : rows) {
            JsonNode list = row.path("ids");
            List<Long> productIds = new java.util.ArrayList<>(list.size());
            list.forEach(id -> productIds.add(id.asLong()));
            ids.put(row.path("product_id").asLong(), List.copyOf(productIds));
        }
        return Map.copyOf(ids);
    }
}
