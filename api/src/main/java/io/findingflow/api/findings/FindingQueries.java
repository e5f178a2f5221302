package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.schemas.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding reads from ClickHouse: the current row of each finding ({@link CurrentFindingRows}),
 * which works on 18.16 and current servers and does not depend on merges having happened.
 */
public final class FindingQueries {

    static final List<String> COLUMNS = List.of(
            "product_id", "engagement_id", "test_id", "title", "severity", "date", "active", "verified",
            "false_p", "duplicate", "duplicate_finding", "out_of_scope", "risk_accepted", "is_mitigated",
            "mitigated", "hash_code", "unique_id_from_tool", "cwe", "component_name", "file_path",
            "created", "deleted", "body");

    private final ClickHouseReader clickHouse;
    private final FindingIdLists idLists;
    private final RenderedFindings rendered = new RenderedFindings(RenderedFindings.MAX_WEIGHT);

    /** @param findings the watch of the findings table, which the lists' cached ids are kept against */
    public FindingQueries(ClickHouseReader clickHouse, TableWatch findings) {
        this.clickHouse = clickHouse;
        this.idLists = new FindingIdLists(findings, clickHouse::rows);
    }

    /**
     * Filters as SQL conditions on findings' columns (without prefix), applied to each finding's
     * current row. {@code rowConditions} name only columns a finding never changes (id, product_id,
     * engagement_id, test_id), so they also narrow the superseded marks read.
     */
    public record Filter(Set<Long> productIds, List<String> rowConditions, List<String> conditions) {
        public Filter {
            rowConditions = List.copyOf(rowConditions);
            conditions = List.copyOf(conditions);
        }

        List<String> all() {
            List<String> all = new ArrayList<>(rowConditions);
            all.addAll(conditions);
            return all;
        }

        /** The marks of just the findings the row conditions allow (null: all of the products'). */
        String markScope() {
            if (rowConditions.isEmpty()) {
                return null;
            }
            return "id IN (SELECT id FROM findings PREWHERE product_id IN (" + Sql.numbers(productIds) + ") AND "
                    + String.join(" AND ", rowConditions) + ")";
        }
    }

    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    /** A list's size and one page of it as DefectDojo JSON: the ids from {@link FindingIdLists}, then those findings. */
    public record Page(long count, List<RawValue> findings) {}

    /**
     * One page in two steps: the list's ordered ids with their current versions (cached per table
     * version), then those versions' full rows (with the JSON body), rendered and kept by {@link RenderedFindings}.
     */
    public Page page(Filter filter, String orderBy, int limit, int offset) {
        FindingIdLists.Listing listing = idLists.page("SELECT id, version FROM (" + CurrentFindingRows.select(
                referenced(List.of(orderBy)), filter.productIds(), filter.all(), filter.markScope()) + ") ORDER BY "
                + orderBy, limit, offset);
        return new Page(listing.count(), rendered.page(listing.page(), page -> versions(filter, page)));
    }

    /** The rows of these versions; one merged away since its list was read is replaced by the current row. */
    private Map<RowVersion, ObjectNode> versions(Filter filter, List<RowVersion> wanted) {
        String idList = "id IN (" + Sql.numbers(wanted.stream().map(RowVersion::id).toList()) + ")";
        Set<RowVersion> wantedSet = new HashSet<>(wanted);
        Map<RowVersion, ObjectNode> found = new HashMap<>();
        for (ObjectNode row : clickHouse.rows("SELECT * FROM findings PREWHERE " + idList)) {
            RowVersion version = new RowVersion(row.path("id").asLong(), row.path("version").asLong());
            if (wantedSet.contains(version)) {
                found.put(version, row);
            }
        }
        if (found.size() < wanted.size()) {
            Map<Long, RowVersion> gone = new HashMap<>();
            wanted.stream().filter(v -> !found.containsKey(v)).forEach(v -> gone.put(v.id(), v));
            for (ObjectNode row : currentRows(filter, List.copyOf(gone.keySet()))) {
                found.put(gone.get(row.path("id").asLong()), row);
            }
        }
        return found;
    }

    /** The current full rows of {@code ids} that still match the filter, in the order of {@code ids}. */
    private List<ObjectNode> currentRows(Filter filter, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String idList = "id IN (" + Sql.numbers(ids) + ")";
        List<String> conditions = new ArrayList<>(filter.all());
        conditions.add(idList);
        Map<Long, ObjectNode> byId = new HashMap<>();
        for (ObjectNode row : clickHouse.rows(CurrentFindingRows.select(COLUMNS, filter.productIds(), conditions,
                idList))) {
            byId.put(row.path("id").asLong(), row);
        }
        List<ObjectNode> page = new ArrayList<>();
        for (Long id : ids) {
            ObjectNode row = byId.get(id);
            if (row != null) {
                page.add(row);
            }
        }
        return page;
    }

    /**
     * The columns of {@link #COLUMNS} an SQL text names. A column name inside a quoted value counts
     * too, which only costs an unneeded column; missing one would be an error.
     */
    static Set<String> referenced(List<String> sql) {
        Set<String> columns = new LinkedHashSet<>();
        for (String text : sql) {
            Matcher words = WORD.matcher(text);
            while (words.find()) {
                if (COLUMNS.contains(words.group())) {
                    columns.add(words.group());
                }
            }
        }
        return columns;
    }

    /** Waits until the finding's newest row has at least {@code version}; false when it did not in time. */
    public boolean awaitVersion(long id, long version, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (System.nanoTime() < deadline) {
            List<ObjectNode> rows = clickHouse.rows("SELECT max(version) AS v FROM findings WHERE id = " + id);
            if (!rows.isEmpty() && rows.get(0).path("v").asLong() >= version) {
                clickHouse.appliedWrites().recordApplied();
                return true;
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
        return false;
    }

    /**
     * One finding among the given products as DefectDojo JSON, if visible: its current version is
     * always read (a light query: no body), the rendered JSON of that version is kept.
     */
    public java.util.Optional<RawValue> detail(Set<Long> productIds, long id) {
        String idIs = "id = " + id;
        List<ObjectNode> current = clickHouse.rows("SELECT id, version FROM (" + CurrentFindingRows.select(List.of(),
                productIds, List.of(idIs), idIs) + ")");
        if (current.isEmpty()) {
            return java.util.Optional.empty();
        }
        RowVersion version = new RowVersion(id, current.get(0).path("version").asLong());
        Filter filter = new Filter(productIds, List.of(idIs), List.of());
        return rendered.page(List.of(version), wanted -> versions(filter, wanted)).stream().findFirst();
    }

    /** The latest state of one finding among the given products, if visible (always read, never cached). */
    public java.util.Optional<ObjectNode> find(Set<Long> productIds, long id) {
        return currentRows(new Filter(productIds, List.of("id = " + id), List.of()), List.of(id)).stream().findFirst();
    }
}
