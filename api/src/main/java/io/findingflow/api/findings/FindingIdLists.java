package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The ordered ids (with each one's current version) of one findings list (a filter and an ordering
 * over the current rows), kept
 * per version of the findings table: paging through a list, or polling it, costs one grouping query
 * per table change instead of two per request. One query answers the count and the first
 * {@link #MAX_IDS} ids; a page beyond them is asked of ClickHouse on its own.
 */
final class FindingIdLists {

    /** Ids kept per list: 100,000 findings' worth of paging from memory, ~3 MB of JSON per load. */
    static final int MAX_IDS = 100_000;
    /** Ids and versions kept over all lists (8 bytes each): the oldest lists are dropped beyond it. */
    static final long MAX_TOTAL_IDS = 2_000_000;

    /** One page: the list's size and the page's findings, in order, each with its listed version. */
    record Listing(long count, List<RowVersion> page) {
        List<Long> pageIds() {
            return page.stream().map(RowVersion::id).toList();
        }
    }

    private record IdList(long count, long[] ids, long[] versions) {}

    private final Function<String, List<ObjectNode>> clickHouse;
    private final VersionedCache<String, IdList> lists;

    FindingIdLists(TableWatch watch, Function<String, List<ObjectNode>> clickHouse) {
        this.clickHouse = clickHouse;
        this.lists = new VersionedCache<>(watch, list -> 1 + 2L * list.ids().length, MAX_TOTAL_IDS); // 1: empty lists count too
    }

    /** @param orderedIds SQL selecting the list's ids and versions in their order (columns id and version) */
    Listing page(String orderedIds, int limit, int offset) {
        IdList list = lists.get(orderedIds, this::load);
        if (offset >= list.count()) {
            return new Listing(list.count(), List.of());
        }
        List<RowVersion> page = new ArrayList<>(limit);
        if ((long) offset + limit <= list.ids().length || list.ids().length == list.count()) {
            for (int i = offset; i < Math.min((long) offset + limit, list.ids().length); i++) {
                page.add(new RowVersion(list.ids()[i], list.versions()[i]));
            }
        } else { // a page beyond the kept ids
            for (ObjectNode row : clickHouse.apply(orderedIds + " LIMIT " + offset + ", " + limit)) {
                page.add(new RowVersion(row.path("id").asLong(), row.path("version").asLong()));
            }
        }
        return new Listing(list.count(), page);
    }

    private IdList load(String orderedIds) {
        // groupArray keeps the subquery's ORDER BY (ClickHouse documents this for sorted subqueries)
        List<ObjectNode> rows = clickHouse.apply("SELECT count() AS n, groupArray(" + MAX_IDS + ")(id) AS ids, groupArray("
                + MAX_IDS + ")(version) AS versions FROM (" + orderedIds + ")");
        JsonNode row = rows.isEmpty() ? null : rows.get(0);
        long count = row == null ? 0 : row.path("n").asLong();
        return new IdList(count, longs(row, "ids"), longs(row, "versions"));
    }

    private static long[] longs(JsonNode row, String field) {
        JsonNode nodes = row == null ? null : row.path(field);
        long[] values = new long[nodes == null ? 0 : nodes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = nodes.get(i).asLong();
        }
        return values;
    }
}
