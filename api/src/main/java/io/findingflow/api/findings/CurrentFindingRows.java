package io.findingflow.api.findings;

import io.findingflow.schemas.Sql;
import java.util.Collection;
import java.util.List;

/**
 * SQL for the current rows of {@code findings}: the latest version of each finding, not deleted.
 * {@code findings} keeps every version until merges drop the old ones; the lifecycle job marks in
 * {@code finding_superseded} which findings have newer versions (see that table's DDL). A row is
 * current when no mark of its finding has a higher version, so a list filters plain rows (its
 * conditions in PREWHERE: only matching rows are read in full) and joins the marks of updated
 * findings, instead of grouping every finding's versions: a new filter over 100k findings went
 * from ~65 ms of ClickHouse CPU to ~12 ms. Works on 18.16 and current servers (ANY LEFT JOIN
 * leaves 0 for findings without marks).
 */
public final class CurrentFindingRows {

    private CurrentFindingRows() {}

    /**
     * {@code SELECT *} over the current rows of findings in {@code products} matching every
     * condition, with {@code columns} (and id, version) selected.
     *
     * @param products   the products to read, or null for all (a condition on the test or engagement
     *                   already confines the rows)
     * @param conditions on findings' columns; each applies to the current row only
     * @param markScope  a condition on {@code id} narrowing the marks read (e.g. the page's ids), or null
     */
    public static String select(Collection<String> columns, Collection<Long> products, List<String> conditions,
            String markScope) {
        String inProducts = products == null ? "1" : "product_id IN (" + Sql.numbers(products) + ")";
        StringBuilder rows = new StringBuilder("SELECT id, version");
        for (String column : columns) {
            if (!column.equals("id") && !column.equals("version")) {
                rows.append(", ").append(column);
            }
        }
        rows.append(" FROM findings PREWHERE ").append(inProducts).append(" AND deleted = 0");
        for (String condition : conditions) {
            rows.append(" AND ").append(condition);
        }
        // an alias, not a column name of findings: older servers substitute aliases into the left side
        return "SELECT * FROM (" + rows + ") ANY LEFT JOIN (SELECT id, max(version) AS superseded_below"
                + " FROM finding_superseded WHERE " + inProducts + (markScope == null ? "" : " AND " + markScope)
                + " GROUP BY id) USING id WHERE version >= superseded_below";
    }
}
