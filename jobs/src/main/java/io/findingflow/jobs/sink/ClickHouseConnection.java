package io.findingflow.jobs.sink;

import com.clickhouse.client.api.Client;
import java.io.Serializable;

/**
 * Where ClickHouse is, serializable so sinks can carry it to task managers. Builds client-v2
 * clients the only way that works on 18.16 too: uncompressed responses, database as a server
 * setting (18.16 ignores the X-ClickHouse-Database header).
 */
public record ClickHouseConnection(String url, String user, String password, String database)
        implements Serializable {

    public Client newClient() {
        return new Client.Builder()
                .addEndpoint(url)
                .setUsername(user)
                .setPassword(password == null ? "" : password)
                .compressServerResponse(false)
                .compressClientRequest(false)
                .serverSetting("database", database)
                .build();
    }

    @Override
    public String toString() {
        // never print the password
        return "ClickHouseConnection[" + url + ", user=" + user + ", database=" + database + "]";
    }
}
