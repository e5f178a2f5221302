package io.findingflow.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Sql;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Full mode's shortcut to 10 million findings for the metrics figures only: metrics/simple reads
 * nothing but {@code finding_month_counts}, so instead of importing the missing findings through
 * the API, this writes the rows the lifecycle job would have written for them — one upsert per
 * (product, month, severity) per further import of the same size into the products the pipeline
 * run created, absolute counters with growing versions — straight into ClickHouse.
 */
public final class MonthCountsTopUp {

    /** Rows written and the findings they stand for. */
    public record Result(long findings, long rows, long imports) {}

    private MonthCountsTopUp() {}

    public static Result run(ClickHouseHttp clickHouse, String database, Set<Long> products, long findings,
            int perImport) throws Exception {
        String table = database + ".finding_month_counts";
        Map<String, long[]> current = new LinkedHashMap<>();
        String sql = "SELECT product_id, toString(month) AS month, severity, argMax(total_verified, version) AS tv, "
                + "argMax(total_any, version) AS ta, argMax(closed_verified, version) AS cv, "
                + "argMax(closed_any, version) AS ca FROM " + table + " WHERE product_id IN (" + Sql.numbers(products)
                + ") GROUP BY product_id, month, severity ORDER BY product_id, month, severity FORMAT JSONEachRow";
        try (BufferedReader lines = new BufferedReader(new StringReader(
                clickHouse.query(sql, "output_format_json_quote_64bit_integers=0")))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = Json.mapper().readTree(line);
                current.put(row.path("product_id").asText() + "|" + row.path("month").asText() + "|"
                        + row.path("severity").asText(), new long[] {row.path("tv").asLong(), row.path("ta").asLong(),
                                row.path("cv").asLong(), row.path("ca").asLong()});
            }
        }
        if (current.isEmpty()) {
            throw new IllegalStateException("no finding_month_counts rows for the run's products to top up");
        }
        long version = clickHouse.scalar("SELECT max(version) FROM " + table) + 1;
        List<String> keys = new ArrayList<>(current.keySet());
        // one further import adds perImport findings to one (product, month), spread over its severities
        Map<String, List<String>> byProductMonth = new LinkedHashMap<>();
        for (String key : keys) {
            byProductMonth.computeIfAbsent(key.substring(0, key.lastIndexOf('|')), k -> new ArrayList<>()).add(key);
        }
        List<String> productMonths = new ArrayList<>(byProductMonth.keySet());
        StringBuilder body = new StringBuilder();
        long imports = 0;
        long rows = 0;
        for (long added = 0; added < findings; added += perImport) {
            List<String> severities = byProductMonth.get(productMonths.get((int) (imports % productMonths.size())));
            long size = Math.min(perImport, findings - added);
            for (int s = 0; s < severities.size(); s++) {
                long share = size / severities.size() + (s < size % severities.size() ? 1 : 0);
                long[] counts = current.get(severities.get(s));
                counts[0] += share;
                counts[1] += share;
                String[] key = severities.get(s).split("\\|");
                ObjectNode row = Json.mapper().createObjectNode();
                row.put("product_id", Long.parseLong(key[0])).put("month", key[1]).put("severity", key[2])
                        .put("total_verified", counts[0]).put("total_any", counts[1])
                        .put("closed_verified", counts[2]).put("closed_any", counts[3]).put("version", version++);
                body.append(row).append('\n');
                rows++;
            }
            imports++;
            if (body.length() > (8 << 20)) {
                insert(clickHouse, table, body);
            }
        }
        insert(clickHouse, table, body);
        return new Result(findings, rows, imports);
    }

    private static void insert(ClickHouseHttp clickHouse, String table, StringBuilder rows) throws Exception {
        if (rows.length() > 0) {
            clickHouse.query("INSERT INTO " + table + " FORMAT JSONEachRow\n" + rows);
            rows.setLength(0);
        }
    }
}
