package io.findingflow.api.findings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.schemas.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FindingIdListsTest {

    private final List<String> queries = new ArrayList<>();
    private long size = 60;
    private String version = "1/1";
    private final AtomicLong applied = new AtomicLong();

    /** A "table" whose list is the ids 1..size (id n at version 10n); answers FindingIdLists' two query shapes. */
    private List<ObjectNode> answer(String sql) {
        queries.add(sql);
        if (sql.startsWith("SELECT count() AS n, groupArray(")) {
            int start = "SELECT count() AS n, groupArray(".length();
            int max = Integer.parseInt(sql.substring(start, sql.indexOf(')', start)));
            ObjectNode row = Json.mapper().createObjectNode().put("n", Long.toString(size)); // UInt64 arrive quoted
            ArrayNode ids = row.putArray("ids");
            ArrayNode versions = row.putArray("versions");
            LongStream.rangeClosed(1, Math.min(size, max)).forEach(id -> ids.add(Long.toString(id)));
            LongStream.rangeClosed(1, Math.min(size, max)).forEach(id -> versions.add(Long.toString(id * 10)));
            return List.of(row);
        }
        String limit = sql.substring(sql.lastIndexOf("LIMIT ") + 6);
        long offset = Long.parseLong(limit.split(", ")[0]);
        long count = Long.parseLong(limit.split(", ")[1]);
        List<ObjectNode> rows = new ArrayList<>();
        for (long id = offset + 1; id <= Math.min(size, offset + count); id++) {
            rows.add(Json.mapper().createObjectNode().put("id", id).put("version", id * 10));
        }
        return rows;
    }

    private final FindingIdLists lists = new FindingIdLists(new TableWatch(() -> version, applied::get,
            Duration.ofHours(1), System::nanoTime), this::answer);

    @Test
    void pagesOfOneListComeFromOneQuery() {
        FindingIdLists.Listing first = lists.page("SELECT id FROM f ORDER BY id", 25, 0);
        FindingIdLists.Listing third = lists.page("SELECT id FROM f ORDER BY id", 25, 50);
        assertThat(first.count()).isEqualTo(60);
        assertThat(first.pageIds()).hasSize(25).startsWith(1L, 2L).endsWith(25L);
        assertThat(third.pageIds()).containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L);
        assertThat(third.page()).first().isEqualTo(new RowVersion(51, 510));
        assertThat(lists.page("SELECT id FROM f ORDER BY id", 25, 60).pageIds()).isEmpty();
        assertThat(queries).hasSize(1);
    }

    @Test
    void aNewTableVersionOrAnOwnWriteReloadsTheList() {
        lists.page("SELECT id FROM f ORDER BY id", 10, 0);
        size = 70;
        applied.incrementAndGet();
        version = "2/2";
        assertThat(lists.page("SELECT id FROM f ORDER BY id", 10, 0).count()).isEqualTo(70);
        assertThat(queries).hasSize(2);
    }

    @Test
    void differentFiltersAreDifferentLists() {
        lists.page("SELECT id FROM f ORDER BY id", 10, 0);
        lists.page("SELECT id FROM f WHERE severity = 'High' ORDER BY id", 10, 0);
        assertThat(queries).hasSize(2);
    }

    @Test
    void aPageBeyondTheKeptIdsIsAskedOfClickHouse() {
        size = FindingIdLists.MAX_IDS + 30L;
        FindingIdLists.Listing beyond = lists.page("SELECT id FROM f ORDER BY id", 25, FindingIdLists.MAX_IDS + 10);
        assertThat(beyond.count()).isEqualTo(FindingIdLists.MAX_IDS + 30L);
        assertThat(beyond.pageIds()).hasSize(20).startsWith(FindingIdLists.MAX_IDS + 11L);
        assertThat(beyond.page()).first().isEqualTo(new RowVersion(FindingIdLists.MAX_IDS + 11L,
                (FindingIdLists.MAX_IDS + 11L) * 10));
        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).endsWith("ORDER BY id LIMIT " + (FindingIdLists.MAX_IDS + 10) + ", 25");
        FindingIdLists.Listing straddling = lists.page("SELECT id FROM f ORDER BY id", 25, FindingIdLists.MAX_IDS - 5);
        assertThat(straddling.pageIds()).hasSize(25).startsWith(FindingIdLists.MAX_IDS - 4L);
    }
}
