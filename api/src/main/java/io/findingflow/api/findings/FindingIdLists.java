package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ordered ids of one findings list (a filter and an ordering over the latest versions), kept
 * per version of the findings table: paging through a list, or polling it, costs one grouping query
 * per table change instead of two per request. One query answers the count and the first
 * {@link #MAX_IDS} ids; a page beyond them is asked of ClickHouse on its own.
 */
final class FindingIdLists {

    /** Ids kept per list: 100,000 findings' worth of paging from memory, 1.6 MB of JSON per load. */
    static final int MAX_IDS = 100_000;
    /** Ids kept over all lists (8 bytes each): the oldest lists are dropped beyond it. */
    static final long MAX_TOTAL_IDS = 2_000_000;

    /** One page: the list's size and the page's ids, in order. */
    record Listing(long count, List<Long> pageIds) {}

    private record IdList(long count, long[] ids) {}

    private final Function<String, List<ObjectNode>> clickHouse;
    private final VersionedCache<String, IdList> lists;

    FindingIdLists(TableWatch watch, Function<String, List<ObjectNode>> clickHouse) {
        this.clickHouse = clickHouse;
        this.lists = new VersionedCache<>(watch, list -> 1 + list.ids().length, MAX_TOTAL_IDS); // 1: empty lists count too
    }

    /** @param orderedIds SQL selecting the list's ids in their order (a column named id) */
    Listing page(String orderedIds, int limit, int offset) {
        IdList list = lists.get(orderedIds, this::load);
        if (offset >= list.count()) {
            return new Listing(list.count(), List.of());
        }
        List<Long> ids = new ArrayList<>(limit);
        if ((long) offset + limit <= list.ids().length || list.ids().length == list.count()) {
            for (int i = offset; i < Math.min((long) offset + limit, list.ids().length); i++) {
                ids.add(list.ids()[i]);
            }
        } else { // a page beyond the kept ids
            for (ObjectNode row : clickHouse.apply(orderedIds + " LIMIT " + offset + ", " + limit)) {
                ids.add(row.path("id").asLong());
            }
        }
        return new Listing(list.count(), ids);
    }

    private IdList load(String orderedIds) {
        // groupArray keeps the subquery's ORDER BY (ClickHouse documents this for sorted subqueries)
        List<ObjectNode> rows = clickHouse.apply("SELECT count() AS n, groupArray(" + MAX_IDS + ")(id) AS ids FROM ("
                + orderedIds + ")");
        JsonNode row = rows.isEmpty() ? null : rows.get(0);
        long count = row == null ? 0 : row.path("n").asLong();
        JsonNode idNodes = row == null ? null : row.path("ids");
        long[] ids = new long[idNodes == null ? 0 : idNodes.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idNodes.get(i).asLong();
        }
        return new IdList(count, ids);
    }
}
