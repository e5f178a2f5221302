package io.findingflow.api.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.findingflow.schemas.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenderedFindingsTest {

    private final List<List<RowVersion>> loads = new ArrayList<>();

    /** A findings row as ClickHouse answers it (UInt64 quoted); title "t<id>v<version>". */
    private static ObjectNode row(RowVersion v) {
        return Json.mapper().createObjectNode().put("id", Long.toString(v.id())).put("version", Long.toString(v.version()))
                .put("title", "t" + v.id() + "v" + v.version()).put("severity", "High").put("test_id", "7")
                .put("active", 1).put("created", "2026-11-23 10:00:00").putNull("mitigated")
                .put("body", "{\"description\":\"d\",\"tags\":[\"x\"]}");
    }

    private Map<RowVersion, ObjectNode> load(List<RowVersion> wanted) {
        loads.add(List.copyOf(wanted));
        Map<RowVersion, ObjectNode> rows = new HashMap<>();
        wanted.stream().filter(v -> v.version() != 0).forEach(v -> rows.put(v, row(v))); // version 0: merged away
        return rows;
    }

    private static JsonNode json(RawValue view) throws Exception {
        return Json.mapper().readTree((String) view.rawValue());
    }

    @Test
    void rendersEachFindingAsTheDetailDoesAndKeepsThePageOrder() throws Exception {
        RenderedFindings cache = new RenderedFindings(1 << 20);
        cache.page(List.of(new RowVersion(1, 10), new RowVersion(2, 20)), this::load);
        List<RawValue> page = cache.page(List.of(new RowVersion(3, 30), new RowVersion(2, 20), new RowVersion(1, 10)),
                this::load);
        assertThat(page).extracting(v -> json(v).path("id").asLong()).containsExactly(3L, 2L, 1L);
        assertThat(json(page.get(0)).toString()).isEqualTo(FindingView.of(row(new RowVersion(3, 30))).toString());
        assertThat(json(page.get(0)).path("tags").get(0).asText()).isEqualTo("x");
        assertThat(loads).containsExactly(List.of(new RowVersion(1, 10), new RowVersion(2, 20)),
                List.of(new RowVersion(3, 30)));
    }

    @Test
    void aNewVersionOfAFindingIsReadAgain() throws Exception {
        RenderedFindings cache = new RenderedFindings(1 << 20);
        cache.page(List.of(new RowVersion(1, 10)), this::load);
        assertThat(cache.page(List.of(new RowVersion(1, 11)), this::load)).singleElement()
                .satisfies(v -> assertThat(json(v).path("title").asText()).isEqualTo("t1v11"));
        assertThat(loads).hasSize(2);
    }

    @Test
    void aVersionTheLoadDoesNotFindIsLeftOut() {
        RenderedFindings cache = new RenderedFindings(1 << 20);
        assertThat(cache.page(List.of(new RowVersion(1, 0), new RowVersion(2, 20)), this::load)).hasSize(1);
    }

    @Test
    void theLeastRecentlyUsedGoBeyondTheBound() {
        long oneEntry = 128 + 2L * ((String) RenderedFindings.render(row(new RowVersion(1, 1))).rawValue()).length();
        RenderedFindings cache = new RenderedFindings(3 * oneEntry + 10);
        for (long id = 1; id <= 5; id++) {
            cache.page(List.of(new RowVersion(id, id)), this::load);
        }
        assertThat(cache.size()).isEqualTo(3);
        loads.clear();
        cache.page(List.of(new RowVersion(5, 5), new RowVersion(1, 1)), this::load);
        assertThat(loads).containsExactly(List.of(new RowVersion(1, 1)));
    }
}
