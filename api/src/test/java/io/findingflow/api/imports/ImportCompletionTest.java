package io.findingflow.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ImportCompletionTest {

    /** Completion rows that appear when a test says so; counts the queries. */
    private static final class FakeImports implements ImportCompletion.RowSource {
        final Set<String> applied = ConcurrentHashMap.newKeySet();
        final AtomicInteger queries = new AtomicInteger();
        final Map<String, Integer> asked = new ConcurrentHashMap<>();
        volatile RuntimeException failure;

        @Override
        public List<ObjectNode> apply(List<String> importIds) {
            queries.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            List<ObjectNode> rows = new ArrayList<>();
            for (String id : importIds) {
                asked.merge(id, 1, Integer::sum);
                if (applied.contains(id)) {
                    rows.add(Json.mapper().createObjectNode().put("import_id", id)
                            .put("statistics", "{\"after\":{\"total\":{\"total\":" + id.length() + "}}}"));
                }
            }
            return rows;
        }
    }

    @Test
    void shouldAnswerWithTheStatisticsOnceTheRowIsThere() throws Exception {
        FakeImports imports = new FakeImports();
        ImportCompletion completion = new ImportCompletion(imports, () -> { }, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ImportCompletion.Result> result = pool.submit(() -> completion.await("abc"));
            Thread.sleep(150);
            assertThat(result).isNotDone();
            imports.applied.add("abc");
            assertThat(result.get().statistics().at("/after/total/total").asInt()).isEqualTo(3);
            // polled at about 20, 60, 140, 300 ms: backing off, not spinning
            assertThat(imports.asked.get("abc")).isBetween(2, 6);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldAskAboutConcurrentImportsInSharedQueries() throws Exception {
        FakeImports imports = new FakeImports();
        ImportCompletion completion = new ImportCompletion(imports, () -> { }, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ImportCompletion.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = "import-" + i;
                results.add(pool.submit(() -> completion.await(id)));
            }
            Thread.sleep(700);
            for (int i = 0; i < 8; i++) {
                imports.applied.add("import-" + i);
            }
            for (Future<ImportCompletion.Result> result : results) {
                assertThat(result.get().statistics()).isNotNull();
            }
            int separatePolls = imports.asked.values().stream().mapToInt(Integer::intValue).sum();
            assertThat(imports.queries.get()).isLessThan(separatePolls / 2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldGiveNoStatisticsWhenTheWaitRunsOut() throws Exception {
        ImportCompletion completion = new ImportCompletion(new FakeImports(), () -> { }, Duration.ofMillis(120));
        long start = System.nanoTime();
        assertThat(completion.await("never").statistics()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldFailTheWaitWhenClickHouseFails() {
        FakeImports imports = new FakeImports();
        imports.failure = new IllegalStateException("ClickHouse down");
        ImportCompletion completion = new ImportCompletion(imports, () -> { }, Duration.ofSeconds(10));
        assertThatThrownBy(() -> completion.await("x")).hasMessage("ClickHouse down");
    }
}
