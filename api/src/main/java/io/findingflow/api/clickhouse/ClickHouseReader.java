package io.findingflow.api.clickhouse;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.QueryResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Read-only ClickHouse access for the API over client-v2, in the one form that works on 18.16
 * and current servers: uncompressed responses and {@code FORMAT JSONEachRow} in the SQL text,
 * read line by line. Values in SQL come only through {@link io.findingflow.schemas.Sql}.
 */
public final class ClickHouseReader implements AutoCloseable {

    private final Client client;
    private final ObjectMapper mapper = Json.mapper();
    private final AppliedWrites appliedWrites = new AppliedWrites();

    public ClickHouseReader(String url, String user, String password, String database) {
        this.client = new Client.Builder()
                .addEndpoint(url)
                .setUsername(user)
                .setPassword(password)
                .compressServerResponse(false)
                .serverSetting("database", database)
                .build();
    }

    /** Runs {@code sql} (without a FORMAT clause) and returns its rows as JSON objects. */
    public List<ObjectNode> rows(String sql) {
        try (QueryResponse response = client.query(sql + "\nFORMAT JSONEachRow").get(30, TimeUnit.SECONDS);
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(response.getInputStream(), StandardCharsets.UTF_8))) {
            List<ObjectNode> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add((ObjectNode) mapper.readTree(line));
                }
            }
            return rows;
        } catch (Exception e) {
            throw new ClickHouseUnavailableException("ClickHouse query failed: " + e.getMessage(), e);
        }
    }

    /** This process's writes seen applied through this reader's waits (for caches over its tables). */
    public AppliedWrites appliedWrites() {
        return appliedWrites;
    }

    public boolean ping() {
        try {
            return !rows("SELECT 1 AS ok").isEmpty();
        } catch (ClickHouseUnavailableException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
