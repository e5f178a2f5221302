package io.findingflow.api.findings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.schemas.Sql;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding reads from ClickHouse. The latest version of each finding is taken with
 * {@code argMax(..., version)} grouped by id, which works on 18.16 and current servers and does
 * not depend on merges having happened.
 */
public final class FindingQueries {

    static final List<String> COLUMNS = List.of(
            "product_id", "engagement_id", "test_id", "title", "severity", "date", "active", "verified",
            "false_p", "duplicate", "duplicate_finding", "out_of_scope", "risk_accepted", "is_mitigated",
            "mitigated", "hash_code", "unique_id_from_tool", "cwe", "component_name", "file_path",
            "created", "deleted", "body");

    private final ClickHouseReader clickHouse;
    private final FindingIdLists idLists;

    /** @param findings the watch of the findings table, which the lists' cached ids are kept against */
    public FindingQueries(ClickHouseReader clickHouse, TableWatch findings) {
        this.clickHouse = clickHouse;
        this.idLists = new FindingIdLists(findings, clickHouse::rows);
    }

    /**
     * Filters as SQL conditions (column names without prefix). {@code rowConditions} may only use
     * columns a finding never changes (id, product_id, engagement_id, test_id): they are applied to
     * every version row before grouping, so a filter by test or id reads just those rows.
     * {@code conditions} apply to the latest version.
     */
    public record Filter(Set<Long> productIds, List<String> rowConditions, List<String> conditions) {
        public Filter {
            rowConditions = List.copyOf(rowConditions);
            conditions = List.copyOf(conditions);
        }

    }

    /** Columns a finding's versions always share: conditions on them may be applied before grouping. */
    static final Set<String> IMMUTABLE = Set.of("id", "product_id", "engagement_id", "test_id");

    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    /** A list's size and one page of it: the ids from {@link FindingIdLists}, then those rows in full. */
    public record Page(long count, List<ObjectNode> rows) {}

    /**
     * One page in two steps: the list's ordered ids, taking the latest value of only the columns the
     * filter and the ordering use (cached per table version), then the full rows (with the JSON
     * body) of just the page's ids. Taking the latest value of every column of every finding made a
     * 100k-finding list take seconds.
     */
    public Page page(Filter filter, String orderBy, int limit, int offset) {
        Set<String> used = referenced(filter.conditions());
        used.addAll(referenced(List.of(orderBy)));
        FindingIdLists.Listing listing = idLists.page("SELECT id FROM (" + latest(filter, used, "") + ") ORDER BY "
                + orderBy, limit, offset);
        return new Page(listing.count(), rows(filter, listing.pageIds()));
    }

    /** The latest full rows of {@code ids} that still match the filter, in the order of {@code ids}. */
    private List<ObjectNode> rows(Filter filter, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        java.util.Map<Long, ObjectNode> byId = new java.util.HashMap<>();
        for (ObjectNode row : clickHouse.rows(latest(filter, new LinkedHashSet<>(COLUMNS),
                " AND id IN (" + Sql.numbers(ids) + ")"))) {
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
     * The columns of {@link #COLUMNS} a condition or ordering names. A column name inside a quoted
     * value counts too, which only costs an unneeded aggregate; missing one would be an error.
     */
    static Set<String> referenced(List<String> sql) {
        Set<String> columns = new LinkedHashSet<>();
        for (String text : sql) {
            Matcher words = WORD.matcher(text);
            while (words.find()) {
                if (COLUMNS.contains(words.group()) && !IMMUTABLE.contains(words.group())) {
                    columns.add(words.group());
                }
            }
        }
        return columns;
    }

    private static String latest(Filter filter, Set<String> columns, String rowCondition) {
        // aliases must not shadow columns inside argMax (older servers substitute them): l_*
        StringBuilder inner = new StringBuilder("SELECT id");
        StringBuilder renamed = new StringBuilder("SELECT id");
        Set<String> needed = new LinkedHashSet<>(columns);
        needed.add("deleted");
        for (String column : COLUMNS) {
            if (!needed.contains(column)) {
                continue;
            }
            if (IMMUTABLE.contains(column)) { // the same in every version: any() is enough
                inner.append(", any(").append(column).append(") AS l_").append(column);
            } else {
                // aggregate functions skip NULLs: a nullable column is compared as text ("" = null)
                String value = column.equals("mitigated") ? "ifNull(toString(mitigated), '')" : column;
                inner.append(", argMax(").append(value).append(", version) AS l_").append(column);
            }
            renamed.append(", l_").append(column).append(" AS ").append(column);
        }
        StringBuilder rows = new StringBuilder(" FROM findings WHERE product_id IN (")
                .append(Sql.numbers(filter.productIds())).append(")");
        for (String condition : filter.rowConditions()) {
            rows.append(" AND ").append(condition);
        }
        inner.append(rows).append(rowCondition);
        if (rowCondition.isEmpty() && !filter.conditions().isEmpty()
                && !referenced(filter.conditions()).contains("mitigated")) { // (a page's rows are few already)
            // Only findings with some version matching every condition can match in their latest
            // version (that version is such a row): group just those candidates' versions. The
            // conditions name plain columns here (mitigated, compared as text above, excepted).
            inner.append(" AND id IN (SELECT id").append(rows).append(" AND deleted = 0");
            for (String condition : filter.conditions()) {
                inner.append(" AND ").append(condition);
            }
            inner.append(")");
        }
        inner.append(" GROUP BY id");
        StringBuilder query = new StringBuilder("SELECT * FROM (").append(renamed).append(" FROM (")
                .append(inner).append(")) WHERE deleted = 0");
        for (String condition : filter.conditions()) {
            query.append(" AND ").append(condition);
        }
        return query.toString();
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

    /** The latest state of one finding among the given products, if visible (always read, never cached). */
    public java.util.Optional<ObjectNode> find(Set<Long> productIds, long id) {
        return rows(new Filter(productIds, List.of("id = " + id), List.of()), List.of(id)).stream().findFirst();
    }
}
