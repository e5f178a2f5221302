package io.findingflow.jobs.sink;

import io.findingflow.schemas.ClickHouseDdl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away database on the real ClickHouse of the test stack (FF_TEST_CLICKHOUSE_URL), with
 * the tables created from the same DDL files the stack uses.
 */
public final class ClickHouseTestDatabase {

    private final String url;
    private final String database;
    private final HttpClient http = HttpClient.newHttpClient();

    private ClickHouseTestDatabase(String url, String database) {
        this.url = url;
        this.database = database;
    }

    /**
     * A database for one test class: created before its first test, dropped after its last
     * ({@code @RegisterExtension static final}).
     */
    public static PerClass perClass(String purpose) {
        return new PerClass(purpose);
    }

    /** The JUnit extension behind {@link #perClass}. */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private final String purpose;
        private ClickHouseTestDatabase database;

        private PerClass(String purpose) {
            this.purpose = purpose;
        }

        public ClickHouseTestDatabase get() {
            return database;
        }

        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            database = create(purpose);
        }

        @Override
        public void afterAll(ExtensionContext context) throws Exception {
            database.drop();
        }
    }

    public static ClickHouseTestDatabase create(String purpose) throws IOException, InterruptedException {
        String url = System.getenv().getOrDefault("FF_TEST_CLICKHOUSE_URL", "http://127.0.0.1:20802");
        ClickHouseTestDatabase db = new ClickHouseTestDatabase(url,
                "ff_it_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8));
        db.post(url, "CREATE DATABASE " + db.database);
        for (String statement : ClickHouseDdl.statements()) {
            db.post(url + "/?database=" + db.database, statement);
        }
        return db;
    }

    public ClickHouseConnection connection() {
        return new ClickHouseConnection(url, "default", "", database);
    }

    /** The single value a query returns, as text. */
    public String scalar(String sql) throws IOException, InterruptedException {
        return post(url + "/?database=" + database, sql).strip();
    }

    public void drop() throws IOException, InterruptedException {
        post(url, "DROP DATABASE IF EXISTS " + database);
    }

    private String post(String target, String sql) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(target)).POST(HttpRequest.BodyPublishers.ofString(sql)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse: " + response.body());
        }
        return response.body();
    }
}
