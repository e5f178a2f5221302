package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
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
    private final VersionedCache<List<Long>, Map<Long, ActiveList>> answers;

    /**
     * One product's active findings: their number and their ids as a JSON array, rendered once per
     * table version (a big product's list is ~100 KB of JSON, too much to build per request).
     */
    record ActiveList(int count, RawValue json) {
        static final ActiveList EMPTY = new ActiveList(0, new RawValue("[]"));

        static ActiveList of(JsonNode ids) {
            StringBuilder json = new StringBuilder(ids.size() * 8 + 2).append('[');
            for (int i = 0; i < ids.size(); i++) {
                json.append(i == 0 ? "" : ",").append(ids.get(i).asLong());
            }
            return new ActiveList(ids.size(), new RawValue(json.append(']').toString()));
        }
    }

    ActiveFindings(ClickHouseReader clickHouse, TableWatch watch) {
        this.clickHouse = clickHouse;
        this.answers = VersionedCache.ofEntries(watch, MAX_PAGES);
    }

    Map<Long, ActiveList> byProduct(Collection<Long> products) {
        return products.isEmpty() ? Map.of() : answers.get(products.stream().sorted().toList(), this::query);
    }

    private Map<Long, ActiveList> query(Collection<Long> products) {
        Map<Long, ActiveList> ids = new HashMap<>();
        List<ObjectNode> rows = clickHouse.rows("SELECT product_id, groupArray(id) AS ids FROM (SELECT product_id, id"
                + " FROM (" + CurrentFindingRows.select(List.of("product_id"), products, List.of("active = 1"), null)
                + ") ORDER BY id) GROUP BY product_id");
        for (ObjectNode row : rows) {
            ids.put(row.path("product_id").asLong(), ActiveList.of(row.path("ids")));
        }
        return Map.copyOf(ids);
    }
}
