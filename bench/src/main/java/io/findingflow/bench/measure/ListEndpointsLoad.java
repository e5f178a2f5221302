package io.findingflow.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.bench.Progress;
import io.findingflow.bench.http.ApiClient;
import io.findingflow.bench.http.Latencies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 5's list figure: DefectDojo list endpoints over the loaded findings, as analysts and CI
 * pipelines call them — the findings list (first page, a deep page, filters by severity, state,
 * test and title, orderings), a finding's detail, and the entity lists — round robin from
 * {@code clients} concurrent clients, with latencies kept per kind of request. Every tenth request
 * is a findings list with a filter never asked before, so the figure includes the API's cache misses.
 */
public final class ListEndpointsLoad {

    /** All requests' latencies, and each kind's. */
    public record Result(LoadRun.Result all, Map<String, Latencies> byKind, long findings) {}

    private record Path(String kind, String path) {}

    private ListEndpointsLoad() {}

    public static Result run(ApiClient api, int requests, int clients, Progress progress) throws Exception {
        JsonNode first = api.get("/api/v2/findings/?limit=1").expect(200, "findings").json();
        long findings = first.path("count").asLong();
        if (findings == 0) {
            throw new IllegalStateException("no findings loaded");
        }
        long someFinding = first.path("results").path(0).path("id").asLong();
        String someTitle = first.path("results").path(0).path("title").asText();
        String titleWord = someTitle.length() > 8 ? someTitle.substring(0, 8) : someTitle;
        List<Long> tests = new ArrayList<>();
        for (JsonNode test : api.get("/api/v2/tests/?limit=20").expect(200, "tests").json().path("results")) {
            tests.add(test.path("id").asLong());
        }
        List<Path> paths = new ArrayList<>(List.of(
                new Path("findings", "/api/v2/findings/"),
                new Path("findings", "/api/v2/findings/?limit=100&offset=" + Math.max(0, findings / 2)),
                new Path("findings", "/api/v2/findings/?severity=High"),
                new Path("findings", "/api/v2/findings/?active=true&verified=true&o=-date"),
                new Path("findings", "/api/v2/findings/?o=numerical_severity&limit=50"),
                new Path("findings", "/api/v2/findings/?title__contains=" + java.net.URLEncoder.encode(titleWord,
                        java.nio.charset.StandardCharsets.UTF_8)),
                new Path("finding", "/api/v2/findings/" + someFinding + "/"),
                new Path("entities", "/api/v2/products/"),
                new Path("entities", "/api/v2/engagements/"),
                new Path("entities", "/api/v2/tests/"),
                new Path("entities", "/api/v2/product_types/"),
                new Path("entities", "/api/v2/test_imports/")));
        for (Long test : tests) {
            paths.add(new Path("findings", "/api/v2/findings/?test=" + test));
        }
        Map<String, Latencies> byKind = new LinkedHashMap<>();
        for (Path path : paths) {
            byKind.computeIfAbsent(path.kind(), k -> new Latencies(requests));
        }
        int warmup = Math.max(paths.size(), requests / 10);
        byKind.put("findings, new filter", new Latencies(requests));
        LoadRun.Result all = LoadRun.run("list endpoints", requests, warmup, clients, n -> {
            // one request in ten asks for a list nobody asked for before (a cache miss in the API)
            Path path = n % 10 == 9
                    ? new Path("findings, new filter", "/api/v2/findings/?title__contains=package-" + n + "%20")
                    : paths.get(n % paths.size());
            long start = System.nanoTime();
            ApiClient.Response response = api.get(path.path());
            if (response.status() != 200) {
                throw new IllegalStateException(path.path() + " answered " + response.status() + ": " + response.body());
            }
            if (n >= warmup) { // LoadRun numbers the counted requests after the warm-up ones
                byKind.get(path.kind()).add(System.nanoTime() - start);
            }
        }, progress);
        return new Result(all, byKind, findings);
    }
}
