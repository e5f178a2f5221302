package io.findingflow.infra;

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
        for (String statement : ClickHouseProcess.ddl()) {
            ClickHouseProcess.post(url + "/?database=" + database, statement);
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
