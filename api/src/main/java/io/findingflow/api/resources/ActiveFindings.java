package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import io.findingflow.api.findings.CurrentFindingRows;
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
        List<ObjectNode> rows = clickHouse.rows("SELECT product_id, groupArray(id) AS ids FROM (SELECT product_id, id"
                + " FROM (" + CurrentFindingRows.select(List.of("product_id"), products, List.of("active = 1"), null)
                + ") ORDER BY id) GROUP BY product_id");
        for (ObjectNode row : rows) {
            JsonNode list = row.path("ids");
            List<Long> productIds = new java.util.ArrayList<>(list.size());
            list.forEach(id -> productIds.add(id.asLong()));
            ids.put(row.path("product_id").asLong(), List.copyOf(productIds));
        }
        return Map.copyOf(ids);
    }
}
