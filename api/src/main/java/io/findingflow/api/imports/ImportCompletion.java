package io.findingflow.api.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Sql;
import java.time.Duration;
import java.util.List;

/**
 * Waits for an import's completion row, which the lifecycle job writes after the import's
 * findings; returns its statistics, or none when the bounded wait ran out.
 */
public final class ImportCompletion {

    /** statistics is null when the import was not applied within the wait. */
    public record Result(JsonNode statistics) {}

    private final ClickHouseReader clickHouse;
    private final Duration wait;

    public ImportCompletion(ClickHouseReader clickHouse, Duration wait) {
        this.clickHouse = clickHouse;
        this.wait = wait;
    }

    public Result await(String importId) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = 20;
        while (true) {
            List<ObjectNode> rows = clickHouse.rows(
                    "SELECT statistics FROM imports WHERE import_id = " + Sql.quote(importId) + " LIMIT 1");
            if (!rows.isEmpty()) {
                clickHouse.appliedWrites().recordApplied();
                try {
                    return new Result(Json.mapper().readTree(rows.get(0).path("statistics").asText()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException("unreadable statistics of import " + importId, e);
                }
            }
            if (System.nanoTime() > deadline) {
                return new Result(null);
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 250);
        }
    }
}
