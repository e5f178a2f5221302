package io.findingflow.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.schemas.ClickHouseDdl;
import io.findingflow.schemas.testing.StackClient;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The schema step on a real ClickHouse: tables created by an older version get the columns added since. */
class ClickHouseSchemaIT {

    private static final String URL = StackClient.env("FF_TEST_CLICKHOUSE_URL", "http://127.0.0.1:20802");

    @Test
    void anOlderImportsTableGetsTheAddedColumnsAndAFreshOneIsLeftAlone() throws Exception {
        String database = "ff_schema_it_" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ClickHouseProcess.post(URL, "CREATE DATABASE " + database);
            // the imports table as the first release created it
            ClickHouseProcess.post(URL + "/?database=" + database, "CREATE TABLE imports (import_id String, "
                    + "test_id UInt64, engagement_id UInt64, product_id UInt64, import_type String, statistics String, "
                    + "created DateTime, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY import_id");
            ClickHouseProcess.post(URL + "/?database=" + database, "INSERT INTO imports (import_id, version) VALUES ('old', 1)");

            ClickHouseSchema.ensure(URL, database);
            ClickHouseSchema.ensure(URL, database); // idempotent: the column is not added twice

            for (ClickHouseDdl.AddedColumn added : ClickHouseDdl.ADDED_COLUMNS) {
                assertThat(ClickHouseProcess.post(URL, "SELECT type FROM system.columns WHERE database = '" + database
                        + "' AND table = '" + added.table() + "' AND name = '" + added.column() + "'").strip())
                        .as(added.column()).isEqualTo(added.definition().split(" ")[0]);
            }
            assertThat(ClickHouseProcess.post(URL + "/?database=" + database,
                    "SELECT concat(import_id, '|', test_import) FROM imports").strip()).isEqualTo("old|");
        } finally {
            ClickHouseProcess.post(URL, "DROP DATABASE IF EXISTS " + database);
        }
    }

    @Test
    void findingsOfAnOlderVersionGetTheMarksOfTheirSupersededRows() throws Exception {
        String database = "ff_schema_it_" + UUID.randomUUID().toString().substring(0, 8);
        String db = URL + "/?database=" + database;
        try {
            ClickHouseProcess.post(URL, "CREATE DATABASE " + database);
            for (String statement : ClickHouseDdl.statements()) {
                if (statement.contains("findings (")) { // just the findings table, as before the marks existed
                    ClickHouseProcess.post(db, statement);
                }
            }
            // finding 1 was updated twice (versions 10, 20, 30); finding 2 has one version
            ClickHouseProcess.post(db, "INSERT INTO findings (id, product_id, version) VALUES (1, 7, 10), (1, 7, 30), "
                    + "(1, 7, 20), (2, 7, 15)");

            ClickHouseSchema.ensure(URL, database);
            ClickHouseSchema.ensure(URL, database); // the backfill runs once, when the table appears

            assertThat(ClickHouseProcess.post(db, "SELECT product_id, id, version FROM finding_superseded").strip())
                    .isEqualTo("7\t1\t30");
        } finally {
            ClickHouseProcess.post(URL, "DROP DATABASE IF EXISTS " + database);
        }
    }
}
