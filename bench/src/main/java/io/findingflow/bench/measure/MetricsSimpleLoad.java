package io.findingflow.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.bench.Progress;
import io.findingflow.bench.http.ApiClient;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics_simple_*}: {@code GET /api/v2/metrics/simple/} over the loaded data, as the
 * dashboard calls it — three in four requests for all product types of a month, one in four for a
 * single product type — cycling through the loaded months, from {@code clients} concurrent clients.
 */
public final class MetricsSimpleLoad {

    private MetricsSimpleLoad() {}

    public static LoadRun.Result run(ApiClient api, List<YearMonth> months, Collection<Long> productTypeIds,
            int requests, int clients, Progress progress) throws Exception {
        List<String> paths = new ArrayList<>();
        List<Long> types = new ArrayList<>(productTypeIds);
        for (int i = 0; i < 4 * months.size() * Math.max(1, types.size()); i++) {
            YearMonth month = months.get(i % months.size());
            String date = month.atDay(15).toString();
            paths.add(i % 4 == 3 && !types.isEmpty()
                    ? "/api/v2/metrics/simple/?date=" + date + "&product_type_id=" + types.get((i / 4) % types.size())
                    : "/api/v2/metrics/simple/?date=" + date);
        }
        return LoadRun.run("metrics/simple", requests, Math.max(50, requests / 10), clients, n -> {
            ApiClient.Response response = api.get(paths.get(n % paths.size()));
            if (response.status() != 200) {
                throw new IllegalStateException("metrics/simple answered " + response.status() + ": " + response.body());
            }
        }, progress);
    }

    /** Per loaded month, the sum of Total over the given product types (a consistency check). */
    public static Map<YearMonth, Long> totals(ApiClient api, List<YearMonth> months, Collection<Long> productTypeIds)
            throws Exception {
        Map<YearMonth, Long> totals = new LinkedHashMap<>();
        for (YearMonth month : months) {
            JsonNode rows = api.get("/api/v2/metrics/simple/?date=" + month.atDay(15)).expect(200, "metrics/simple").json();
            long total = 0;
            for (JsonNode row : rows) {
                if (productTypeIds.contains(row.path("product_type_id").asLong())) {
                    total += row.path("Total").asLong();
                }
            }
            totals.put(month, total);
        }
        return totals;
    }
}
