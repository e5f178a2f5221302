package io.findingflow.api.clickhouse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Sql;
import java.util.List;

/**
 * A cheap token that changes whenever rows are inserted into a MergeTree table: the highest block
 * number among its active parts (every INSERT takes a new block number; merges keep the highest)
 * and the number of active parts (so TRUNCATE changes it too). Reads only part metadata
 * ({@code system.parts}), never the table's data; the same columns exist on 18.16 and current servers.
 */
public final class TableVersion {

    private final ClickHouseReader clickHouse;
    private final String sql;

    public TableVersion(ClickHouseReader clickHouse, String table) {
        this.clickHouse = clickHouse;
        this.sql = "SELECT max(max_block_number) AS b, count() AS p FROM system.parts WHERE database = currentDatabase()"
                + " AND table = " + Sql.quote(table) + " AND active";
    }

    public String current() {
        List<ObjectNode> rows = clickHouse.rows(sql);
        return rows.isEmpty() ? "" : rows.get(0).path("b").asText() + "/" + rows.get(0).path("p").asText();
    }
}
