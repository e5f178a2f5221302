package io.findingflow.infra;

import io.findingflow.schemas.ClickHouseDdl;
import io.findingflow.schemas.Sql;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Creates the database and tables from schemas/clickhouse/*.sql; idempotent. */
public final class ClickHouseSchema {

    private ClickHouseSchema() {}

    public static void ensure(String url, String database) throws IOException, InterruptedException {
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("FF_CLICKHOUSE_DATABASE must be an identifier: " + database);
        }
        ClickHouseProcess.post(url, "CREATE DATABASE IF NOT EXISTS " + database);
        java.util.Set<String> existing = java.util.Set.of(ClickHouseProcess.post(url,
                "SELECT name FROM system.tables WHERE database = " + Sql.quote(database)).strip().split("\n"));
        for (String statement : ClickHouseProcess.ddl()) {
            ClickHouseProcess.post(url + "/?database=" + database, statement);
        }
        for (ClickHouseDdl.AddedTable added : ClickHouseDdl.ADDED_TABLES) { // next to an older version's data
            if (!existing.contains(added.table()) && existing.contains("findings")) {
                ClickHouseProcess.post(url + "/?database=" + database, added.backfill());
            }
        }
        for (ClickHouseDdl.AddedColumn added : ClickHouseDdl.ADDED_COLUMNS) { // tables of older versions
            String present = ClickHouseProcess.post(url, "SELECT count() FROM system.columns WHERE database = "
                    + Sql.quote(database) + " AND table = " + Sql.quote(added.table()) + " AND name = "
                    + Sql.quote(added.column())).strip();
            if (present.equals("0")) {
                ClickHouseProcess.post(url + "/?database=" + database, added.alter());
            }
        }
    }

    static boolean ping(String url) {
        try {
            HttpResponse<String> response = ClickHouseProcess.http().send(
                    HttpRequest.newBuilder(URI.create(url + "/ping")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
