package io.findingflow.infra.metrics;

import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.ZONE;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.expected;
import static io.findingflow.infra.metrics.MetricsSimpleTestSupport.recount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.findingflow.schemas.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random imports, reimports (closing, reopening, creating), close_old_findings, finding PATCHes
 * (verified, false positive, duplicate, out of scope, closed and reopened, severity and date
 * edits), deletions and product moves over six months and three product types. After every few
 * steps, for every month, metrics/simple — per product type and unfiltered — must equal the
 * direct recount from the findings table. The seed is printed; rerun one with -Dff.metrics.seed=N.
 */
class MetricsSimpleConsistencyIT {

    private static final LocalDate FIRST = LocalDate.of(2005, 1, 1);
    private static final int MONTHS = 6;
    private static final int STEPS = 40;
    private static final int CHECK_EVERY = 10;
    private static final List<String> SEVERITIES = List.of("Critical", "High", "Medium", "Low", "Info");

    private final String run = MetricsSimpleTestSupport.runId();
    private final long seed = Long.getLong("ff.metrics.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Map<Long, String> types = new LinkedHashMap<>();
    private final List<Long> products = new ArrayList<>();
    private final Map<Long, List<Long>> testsOfProduct = new LinkedHashMap<>();
    private final Map<Long, String> productNames = new LinkedHashMap<>();
    private final Map<Long, String> productTypeNames = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Set<String> kindsDone = new LinkedHashSet<>();
    private MetricsSimpleTestSupport support;
    private int monthsChecked;
    private long totalsSeen;
    private long closedSeen;

    @Test
    void metricsSimpleEqualsARecountFromTheFindingsTableForEveryMonth() throws Exception {
        System.out.println("MetricsSimpleConsistencyIT seed " + seed + " (rerun: -Dff.metrics.seed=" + seed + ")");
        support = new MetricsSimpleTestSupport();
        for (String letter : List.of("A", "B", "C")) {
            for (int p = 1; p <= 2; p++) {
                String type = "MS Consistency " + letter + " " + run;
                String product = "MS Consistency " + letter + p + " " + run;
                JsonNode imported = importNew(type, product);
                types.put(imported.path("product_type_id").asLong(), type);
                long productId = imported.path("product_id").asLong();
                products.add(productId);
                productNames.put(productId, product);
                productTypeNames.put(productId, type);
            }
        }
        // every kind of change at least once, then random ones
        List<String> kinds = new ArrayList<>(List.of("reimport", "patch", "patch", "patch", "patch", "move", "delete"));
        while (kinds.size() < STEPS) {
            int dice = random.nextInt(20);
            kinds.add(dice < 5 ? "import" : dice < 11 ? "reimport" : dice < 18 ? "patch" : dice < 19 ? "move" : "delete");
        }
        for (int step = 1; step <= STEPS; step++) {
            step(kinds.get(step - 1), products.get(random.nextInt(products.size())));
            if (step % CHECK_EVERY == 0) {
                checkEveryMonth();
            }
        }
        System.out.println("MetricsSimpleConsistencyIT: " + log.size() + " steps (" + kindsDone + "), " + monthsChecked
                + " month checks, " + types.size() + " product types, " + products.size() + " products; summed over"
                + " the checks Total " + totalsSeen + ", Closed " + closedSeen);
        assertThat(totalsSeen).as("the checks compared real counts, not only zeros").isPositive();
        assertThat(closedSeen).as("some findings were closed").isPositive();
    }

    private void step(String kind, long product) throws Exception {
        if ((kind.equals("patch") || kind.equals("delete")) && support.findingsOf(product).isEmpty()) {
            kind = "import";
        }
        switch (kind) {
            case "import" -> importNew(productTypeNames.get(product), productNames.get(product));
            case "reimport" -> {
                List<Long> tests = testsOfProduct.get(product);
                long test = tests.get(random.nextInt(tests.size()));
                int[] range = range();
                Map<String, String> extra = new LinkedHashMap<>();
                if (random.nextInt(5) == 0) {
                    extra.put("close_old_findings", "false");
                }
                if (random.nextInt(5) == 0) {
                    extra.put("do_not_reactivate", "true");
                }
                String date = date();
                boolean verified = random.nextInt(4) != 0;
                JsonNode delta = support.reimport(test, date, verified, range[0], range[1], extra)
                        .path("statistics").path("delta");
                log.add("reimport test " + test + " " + date + " verified=" + verified + " " + range[0] + ".."
                        + range[1] + " " + extra + " closed " + delta.path("closed").path("total").path("total")
                        + " reactivated " + delta.path("reactivated").path("total").path("total"));
            }
            case "patch" -> {
                List<Long> findings = support.findingsOf(product);
                long finding = findings.get(random.nextInt(findings.size()));
                String body = patchBody();
                support.patchFinding(finding, body);
                log.add("patch finding " + finding + " " + body);
            }
            case "delete" -> {
                List<Long> findings = support.findingsOf(product);
                long finding = findings.get(random.nextInt(findings.size()));
                support.deleteFinding(finding);
                log.add("delete finding " + finding);
            }
            default -> {
                List<Long> others = new ArrayList<>(types.keySet());
                long to = others.get(random.nextInt(others.size()));
                support.moveProduct(product, to);
                productTypeNames.put(product, types.get(to)); // later imports name its current type
                log.add("move product " + product + " to type " + to);
            }
        }
        kindsDone.add(kind);
    }

    /** A change DefectDojo's serializer accepts whatever the finding's state. */
    private String patchBody() {
        return switch (random.nextInt(10)) {
            case 0 -> "{\"verified\": true, \"false_p\": false, \"duplicate\": false}";
            case 1 -> "{\"verified\": false}";
            case 2 -> "{\"false_p\": true, \"verified\": false}";
            case 3 -> "{\"out_of_scope\": " + random.nextBoolean() + "}";
            case 4 -> "{\"active\": false}"; // mitigated now: this month
            case 5 -> "{\"active\": false, \"is_mitigated\": true, \"mitigated\": \"" + date() + "T" + (10 + random.nextInt(14))
                    + ":30:00Z\"}";
            case 6 -> "{\"active\": true, \"duplicate\": false}";
            case 7 -> "{\"duplicate\": true, \"active\": false, \"verified\": false}";
            case 8 -> "{\"severity\": \"" + SEVERITIES.get(random.nextInt(SEVERITIES.size())) + "\"}";
            default -> "{\"date\": \"" + date() + "\"}";
        };
    }

    private JsonNode importNew(String type, String product) throws Exception {
        int[] range = range();
        String date = date();
        boolean verified = random.nextInt(4) != 0;
        Map<String, String> extra = random.nextInt(4) == 0 ? Map.of("close_old_findings", "true") : Map.of();
        JsonNode imported = support.importScan(type, product, "CI " + run, date, verified, range[0], range[1], extra);
        testsOfProduct.computeIfAbsent(imported.path("product_id").asLong(), k -> new ArrayList<>())
                .add(imported.path("test").asLong());
        log.add("import " + product + " " + date + " verified=" + verified + " " + range[0] + ".." + range[1] + " "
                + extra);
        kindsDone.add("import");
        return imported;
    }

    /** A random window of Trivy vulnerabilities, so reports overlap: some match, some are new. */
    private int[] range() {
        int from = random.nextInt(30);
        return new int[] {from, from + 1 + random.nextInt(15)};
    }

    private String date() {
        return FIRST.plusMonths(random.nextInt(MONTHS)).plusDays(random.nextInt(28)).toString();
    }

    /** The months around the scenario's dates, and the current one (closing without a date). */
    private void checkEveryMonth() throws Exception {
        Map<Long, Long> productToType = support.productTypeOfProducts();
        List<LocalDate> months = new ArrayList<>();
        for (int m = -1; m <= MONTHS; m++) {
            months.add(FIRST.plusMonths(m));
        }
        months.add(LocalDate.now(ZONE).withDayOfMonth(1));
        for (LocalDate month : months) {
            ArrayNode expected = expected(types, productToType, recount(month));
            for (JsonNode row : expected) {
                String query = "?date=" + month.plusDays(random.nextInt(28)) + "&product_type_id="
                        + row.path("product_type_id").asLong();
                assertThat(support.metrics(query).body()).as("%s after %s", query, log).isEqualTo("[" + row + "]");
            }
            ArrayNode mine = Json.mapper().createArrayNode();
            for (JsonNode row : support.metrics("?date=" + month).json()) {
                if (types.containsKey(row.path("product_type_id").asLong())) {
                    mine.add(row);
                }
            }
            assertThat(mine.toString()).as("all types, %s, after %s", month, log).isEqualTo(expected.toString());
            for (JsonNode row : expected) {
                totalsSeen += row.path("Total").asLong();
                closedSeen += row.path("Closed").asLong();
            }
            monthsChecked++;
        }
        long findings = MetricsSimpleTestSupport.clickHouse("SELECT uniqExact(id) AS n FROM findingflow.findings"
                + " WHERE product_id IN (" + String.join(",", products.stream().map(String::valueOf).toList()) + ")")
                .get(0).path("n").asLong();
        assertThat(findings).as("the recount sees this test's findings").isPositive();
        System.out.println("MetricsSimpleConsistencyIT: " + findings + " findings agree for " + months.size() + " months");
    }
}
