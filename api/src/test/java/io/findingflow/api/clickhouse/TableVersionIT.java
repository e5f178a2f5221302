package io.findingflow.api.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The table token on a real ClickHouse: inserts and TRUNCATE change it, merges do not. */
class TableVersionIT {

    private static final String URL = System.getenv().getOrDefault("FF_TEST_CLICKHOUSE_URL", "http://127.0.0.1:20802");
    private final String database = "ff_version_it_" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();
    private ClickHouseReader reader;

    private void post(String sql) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(URL + "/?database=" + database))
                .POST(HttpRequest.BodyPublishers.ofString(sql)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @BeforeEach
    void createTable() throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(URL + "/")).POST(HttpRequest.BodyPublishers.ofString(
                "CREATE DATABASE " + database)).build(), HttpResponse.BodyHandlers.ofString());
        post("CREATE TABLE t (id UInt64, version UInt64) ENGINE = ReplacingMergeTree(version) ORDER BY id");
        reader = new ClickHouseReader(URL, "default", "", database);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        reader.close();
        post("DROP DATABASE " + database);
    }

    @Test
    void insertsChangeTheTokenAndAMergeOfDistinctRowsDoesNot() throws Exception {
        TableVersion version = new TableVersion(reader, "t");
        String empty = version.current();
        post("INSERT INTO t VALUES (1, 1)");
        String one = version.current();
        post("INSERT INTO t VALUES (2, 1)");
        String two = version.current();
        assertThat(one).isNotEqualTo(empty);
        assertThat(two).isNotEqualTo(one);

        post("OPTIMIZE TABLE t FINAL"); // two parts become one, same rows: cached answers stay valid
        assertThat(version.current()).isEqualTo(two);

        post("INSERT INTO t VALUES (2, 2)");
        String replaced = version.current();
        post("OPTIMIZE TABLE t FINAL"); // drops the replaced version: a reload, never a stale answer
        assertThat(version.current()).isNotEqualTo(replaced).isNotEqualTo(two);

        post("TRUNCATE TABLE t");
        assertThat(version.current()).isNotEqualTo(replaced);
    }
}
