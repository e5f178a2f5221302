package io.findingflow.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClickHouse schema, kept once as SQL files in {@code clickhouse/} on the classpath. The stack,
 * the jobs' sink tests and the API tests all create tables from these same statements.
 */
public final class ClickHouseDdl {

    /** Table files in creation order. */
    public static final List<String> TABLES =
            List.of("findings", "finding_superseded", "finding_month_counts", "imports", "custom_metric_values");

    /**
     * A column added to a table after its first release: tables created by an older version get it
     * through ALTER TABLE (18.16 has no ADD COLUMN IF NOT EXISTS, so the caller checks system.columns).
     */
    public record AddedColumn(String table, String column, String definition) {
        public String alter() {
            return "ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition;
        }
    }

    /** Every added column, oldest first; each also stands in its table's CREATE statement. */
    public static final List<AddedColumn> ADDED_COLUMNS = List.of(
            new AddedColumn("imports", "test_import", "String DEFAULT ''"));

    /**
     * A table added after the first release whose rows derive from older tables: when it is
     * created next to existing data, {@code backfill} fills it from that data.
     */
    public record AddedTable(String table, String backfill) {}

    /** Every added table with a backfill, oldest first. */
    public static final List<AddedTable> ADDED_TABLES = List.of(
            // rows not yet merged away: every finding with several versions gets the mark of its latest
            new AddedTable("finding_superseded", "INSERT INTO finding_superseded SELECT product_id, id, max(version)"
                    + " FROM findings GROUP BY product_id, id HAVING count() > 1"));

    private ClickHouseDdl() {}

    /** The single-node statements (each file holds one CREATE TABLE IF NOT EXISTS). */
    public static List<String> statements() {
        List<String> statements = new ArrayList<>();
        for (String table : TABLES) {
            statements.add(read("clickhouse/" + table + ".sql"));
        }
        return statements;
    }

    static String read(String resource) {
        try (InputStream in = ClickHouseDdl.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // drop comment lines: 18.16 accepts them, but a clean statement logs better
            StringBuilder sql = new StringBuilder();
            for (String line : text.split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return sql.toString().strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
