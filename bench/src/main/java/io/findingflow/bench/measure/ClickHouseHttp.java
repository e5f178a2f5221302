package io.findingflow.bench.measure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Plain HTTP to ClickHouse for the benchmark's own checks (counts, DDL, read-back): the server's
 * error text survives here, unlike through client-v2 on 18.16.
 */
public final class ClickHouseHttp {

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public ClickHouseHttp(String url) {
        this.url = url.endsWith("/") ? url : url + "/";
    }

    public String url() {
        return url;
    }

    /** Runs {@code sql} and returns the whole answer (TabSeparated unless the SQL names a format). */
    public String query(String sql) throws IOException, InterruptedException {
        return query(sql, "");
    }

    /** As {@link #query(String)} with URL parameters (settings, {@code database}), e.g. "database=x&y=1". */
    public String query(String sql, String parameters) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(sql, parameters), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + response.body());
        }
        return response.body();
    }

    /** The answer as a stream, for large reads. */
    public InputStream stream(String sql, String parameters) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request(sql, parameters), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            throw new IOException("ClickHouse answered " + response.statusCode() + " to " + sql + ": " + body);
        }
        return response.body();
    }

    public long scalar(String sql) throws IOException, InterruptedException {
        return Long.parseLong(query(sql).strip());
    }

    private HttpRequest request(String sql, String parameters) {
        return HttpRequest.newBuilder(URI.create(url + (parameters.isEmpty() ? "" : "?" + parameters))).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(sql, StandardCharsets.UTF_8)).build();
    }
}
