package io.findingflow.infra.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.testing.StackClient;
import io.findingflow.schemas.testing.TrivyReports;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shared steps of the metrics/simple integration tests: imports over the real API, product moves,
 * and the independent recount — DESIGN §5's rules applied in SQL to the latest version of every
 * finding in ClickHouse's findings table, read directly (FF_TEST_CLICKHOUSE_URL).
 */
final class MetricsSimpleTestSupport {

    static final StackClient STACK = StackClient.fromEnv();
    /** The stack's settings: ./findingflow test passes one environment to the stack and to Maven. */
    static final ZoneId ZONE = ZoneId.of(StackClient.env("DD_TIME_ZONE", "UTC"));
    static final boolean ENFORCE_VERIFIED = StackClient.env("DD_METRICS_ENFORCE_VERIFIED", "True")
            .equalsIgnoreCase("true") || StackClient.env("DD_METRICS_ENFORCE_VERIFIED", "True").equals("1");
    static final List<String> FIELDS = List.of("critical", "high", "medium", "low", "info");
    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String token;

    MetricsSimpleTestSupport() throws Exception {
        this.token = STACK.adminToken();
    }

    String token() {
        return token;
    }

    static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** import-scan of Trivy vulnerabilities from … to-1 (severities cycle C, H, M, L, Info) into named context. */
    JsonNode importScan(String productType, String product, String engagement, String scanDate, boolean verified,
            int from, int to) throws Exception {
        return importScan(productType, product, engagement, scanDate, verified, from, to, Map.of());
    }

    JsonNode importScan(String productType, String product, String engagement, String scanDate, boolean verified,
            int from, int to, Map<String, String> extra) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Trivy Scan");
        fields.put("auto_create_context", "true");
        fields.put("product_type_name", productType);
        fields.put("product_name", product);
        fields.put("engagement_name", engagement);
        fields.put("scan_date", scanDate);
        fields.put("verified", verified ? "True" : "False");
        fields.putAll(extra);
        return applied(STACK.postMultipart("/api/v2/import-scan/", token, fields, "trivy.json",
                TrivyReports.report(from, to)));
    }

    /** reimport-scan into a test: matched findings stay or reopen, missing ones close at scanDate. */
    JsonNode reimport(long test, String scanDate, boolean verified, int from, int to) throws Exception {
        return reimport(test, scanDate, verified, from, to, Map.of());
    }

    JsonNode reimport(long test, String scanDate, boolean verified, int from, int to, Map<String, String> extra)
            throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("scan_type", "Trivy Scan");
        fields.put("test", String.valueOf(test));
        fields.put("scan_date", scanDate);
        fields.put("verified", verified ? "True" : "False");
        fields.putAll(extra);
        return applied(STACK.postMultipart("/api/v2/reimport-scan/", token, fields, "trivy.json",
                TrivyReports.report(from, to)));
    }

    private static JsonNode applied(StackClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("deduplication_complete").asBoolean(true)).as("import applied within the wait: %s",
                response.body()).isTrue();
        assertThat(body.path("statistics").path("after").isObject()).as(response.body()).isTrue();
        return body;
    }

    /** PATCH /api/v2/products/{id}/ {"prod_type": type}. */
    void moveProduct(long product, long productType) throws Exception {
        StackClient.Response response = STACK.send("PATCH", "/api/v2/products/" + product + "/", token,
                "application/json", ("{\"prod_type\": " + productType + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("prod_type").asLong()).isEqualTo(productType);
    }

    /** PATCH /api/v2/findings/{id}/, which returns once the change is applied. */
    void patchFinding(long finding, String json) throws Exception {
        StackClient.Response response = STACK.send("PATCH", "/api/v2/findings/" + finding + "/", token,
                "application/json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as("PATCH %s %s: %s", finding, json, response.body()).isEqualTo(200);
    }

    void deleteFinding(long finding) throws Exception {
        StackClient.Response response = STACK.send("DELETE", "/api/v2/findings/" + finding + "/", token, null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }

    /** Ids of a product's findings, as the API lists them. */
    List<Long> findingsOf(long product) throws Exception {
        List<Long> ids = new ArrayList<>();
        listAll("/api/v2/findings/?test__engagement__product=" + product + "&limit=1000", "id")
                .keySet().forEach(ids::add);
        return ids;
    }

    long createProductType(String name) throws Exception {
        StackClient.Response response = STACK.postJson("/api/v2/product_types/", token,
                Json.mapper().createObjectNode().put("name", name).toString());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asLong();
    }

    StackClient.Response metrics(String query) throws Exception {
        return STACK.get("/api/v2/metrics/simple/" + query, token);
    }

    /** Every product type the admin sees, as id → name. */
    Map<Long, String> productTypes() throws Exception {
        return listAll("/api/v2/product_types/?limit=1000", "name");
    }

    /** Every product, as id → its product type id now. */
    Map<Long, Long> productTypeOfProducts() throws Exception {
        Map<Long, Long> out = new HashMap<>();
        listAll("/api/v2/products/?limit=1000", "prod_type").forEach((id, type) -> out.put(id, Long.parseLong(type)));
        return out;
    }

    private Map<Long, String> listAll(String first, String field) throws Exception {
        Map<Long, String> out = new LinkedHashMap<>();
        String next = first;
        while (next != null) {
            JsonNode page = STACK.get(next, token).json();
            for (JsonNode item : page.path("results")) {
                out.put(item.path("id").asLong(), item.path(field).asText());
            }
            String link = page.path("next").isTextual() ? page.path("next").asText() : null;
            next = link == null ? null : link.substring(link.indexOf("/api/v2/"));
        }
        return out;
    }

    /**
     * The independent recount for one month: per product [critical, high, medium, low, info,
     * closed], from the latest version (argMax by version) of every finding not deleted.
     */
    static Map<Long, long[]> recount(LocalDate month) throws IOException, InterruptedException {
        String verified = ENFORCE_VERIFIED ? " AND v = 1" : "";
        String latest = "SELECT id, argMax(product_id, version) AS p, argMax(severity, version) AS s,"
                + " argMax(date, version) AS d, argMax(active, version) AS a, argMax(verified, version) AS v,"
                + " argMax(false_p, version) AS fp, argMax(duplicate, version) AS du,"
                + " argMax(out_of_scope, version) AS oos, argMax(is_mitigated, version) AS im,"
                // not argMax(mitigated, …): aggregates skip NULL arguments, which would resurrect
                // the mitigated time of a reopened finding
                + " argMax(ifNull(toString(mitigated), ''), version) AS mt, argMax(deleted, version) AS del"
                + " FROM findingflow.findings GROUP BY id";
        String counted = "del = 0 AND fp = 0 AND du = 0 AND oos = 0" + verified;
        String severity = "if(s IN ('Critical', 'High', 'Medium', 'Low'), s, 'Info')";
        Map<Long, long[]> out = new HashMap<>();
        // Total (= Opened): by the month of date
        for (JsonNode row : clickHouse("SELECT p, " + severity + " AS sev, count() AS n FROM (" + latest
                + ") WHERE " + counted + " AND toStartOfMonth(d) = toDate('" + month + "') GROUP BY p, sev")) {
            out.computeIfAbsent(row.path("p").asLong(), k -> new long[6])[FIELDS.indexOf(
                    row.path("sev").asText().toLowerCase())] += row.path("n").asLong();
        }
        // Closed: inactive, mitigated, by the month of mitigated in the server's time zone; the
        // stored DateTime is UTC, so the month is picked here from its text
        for (JsonNode row : clickHouse("SELECT p, mt FROM (" + latest + ") WHERE "
                + counted + " AND a = 0 AND im = 1 AND mt != ''")) {
            LocalDate local = LocalDateTime.parse(row.path("mt").asText(), CLICKHOUSE_TIME).atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(ZONE).toLocalDate().withDayOfMonth(1);
            if (local.equals(month)) {
                out.computeIfAbsent(row.path("p").asLong(), k -> new long[6])[5]++;
            }
        }
        return out;
    }

    /** The expected metrics/simple body for the given types: rows by name (then id), sums of products. */
    static ArrayNode expected(Map<Long, String> types, Map<Long, Long> productToType, Map<Long, long[]> byProduct) {
        Map<Long, long[]> byType = new HashMap<>();
        byProduct.forEach((product, c) -> {
            Long type = productToType.get(product);
            if (type != null) {
                long[] sum = byType.computeIfAbsent(type, k -> new long[6]);
                for (int i = 0; i < 6; i++) {
                    sum[i] += c[i];
                }
            }
        });
        List<Map.Entry<Long, String>> sorted = new ArrayList<>(types.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Long, String> e) -> e.getValue()).thenComparing(Map.Entry::getKey));
        ArrayNode body = Json.mapper().createArrayNode();
        for (Map.Entry<Long, String> type : sorted) {
            long[] c = byType.getOrDefault(type.getKey(), new long[6]);
            body.add(row(type.getKey(), type.getValue(), c[0], c[1], c[2], c[3], c[4], c[5]));
        }
        return body;
    }

    static ObjectNode row(long id, String name, long critical, long high, long medium, long low, long info, long closed) {
        long total = critical + high + medium + low + info;
        return Json.mapper().createObjectNode().put("product_type_id", id).put("product_type_name", name)
                .put("Total", total).put("critical", critical).put("high", high).put("medium", medium)
                .put("low", low).put("info", info).put("Opened", total).put("Closed", closed);
    }

    /** Runs a query against ClickHouse's HTTP interface directly (JSONEachRow, uncompressed). */
    static List<JsonNode> clickHouse(String sql) throws IOException, InterruptedException {
        String url = StackClient.env("FF_TEST_CLICKHOUSE_URL", "http://127.0.0.1:20802");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/?query="
                        + URLEncoder.encode(sql + " FORMAT JSONEachRow", StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("ClickHouse: %s\n%s", response.body(), sql).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.isBlank()) {
                rows.add(Json.mapper().readTree(line));
            }
        }
        return rows;
    }

    static String utf8(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static List<Long> ids(Collection<Long> ids) {
        return new ArrayList<>(ids);
    }
}
