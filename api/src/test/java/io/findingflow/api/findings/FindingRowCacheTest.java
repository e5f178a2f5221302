package io.findingflow.api.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FindingRowCacheTest {

    private final List<List<RowVersion>> loads = new ArrayList<>();

    private static ObjectNode row(RowVersion v) {
        return Json.mapper().createObjectNode().put("id", v.id()).put("version", v.version()).put("body", "x".repeat(100));
    }

    private Map<RowVersion, ObjectNode> load(List<RowVersion> wanted) {
        loads.add(List.copyOf(wanted));
        Map<RowVersion, ObjectNode> rows = new HashMap<>();
        wanted.stream().filter(v -> v.version() != 0).forEach(v -> rows.put(v, row(v))); // version 0: merged away
        return rows;
    }

    @Test
    void readsOnlyTheVersionsItDoesNotKeepAndKeepsThePageOrder() {
        FindingRowCache cache = new FindingRowCache(1 << 20);
        cache.rows(List.of(new RowVersion(1, 10), new RowVersion(2, 20)), this::load);
        List<ObjectNode> page = cache.rows(List.of(new RowVersion(3, 30), new RowVersion(2, 20), new RowVersion(1, 10)),
                this::load);
        assertThat(page).extracting(r -> r.path("id").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(loads).containsExactly(List.of(new RowVersion(1, 10), new RowVersion(2, 20)),
                List.of(new RowVersion(3, 30)));
    }

    @Test
    void aNewVersionOfAFindingIsReadAgain() {
        FindingRowCache cache = new FindingRowCache(1 << 20);
        cache.rows(List.of(new RowVersion(1, 10)), this::load);
        assertThat(cache.rows(List.of(new RowVersion(1, 11)), this::load)).singleElement()
                .satisfies(r -> assertThat(r.path("version").asLong()).isEqualTo(11));
        assertThat(loads).hasSize(2);
    }

    @Test
    void aVersionTheLoadDoesNotFindIsLeftOut() {
        FindingRowCache cache = new FindingRowCache(1 << 20);
        assertThat(cache.rows(List.of(new RowVersion(1, 0), new RowVersion(2, 20)), this::load))
                .extracting(r -> r.path("id").asLong()).containsExactly(2L);
    }

    @Test
    void theLeastRecentlyUsedRowsGoBeyondTheBound() {
        FindingRowCache cache = new FindingRowCache(3 * 1224); // three rows of 1024 + 2 × 100
        for (long id = 1; id <= 5; id++) {
            cache.rows(List.of(new RowVersion(id, id)), this::load);
        }
        assertThat(cache.size()).isEqualTo(3);
        loads.clear();
        cache.rows(List.of(new RowVersion(5, 5), new RowVersion(1, 1)), this::load);
        assertThat(loads).containsExactly(List.of(new RowVersion(1, 1)));
    }
}
