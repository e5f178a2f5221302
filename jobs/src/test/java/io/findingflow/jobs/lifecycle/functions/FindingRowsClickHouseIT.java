package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.clickhouse.client.api.Client;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.sink.ClickHouseRow;
import io.findingflow.jobs.sink.ClickHouseTestDatabase;
import io.findingflow.schemas.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A TabSeparated findings row, inserted as the sink inserts it, reads back with every value intact. */
class FindingRowsClickHouseIT {

    @RegisterExtension
    static final ClickHouseTestDatabase.PerClass DATABASE = ClickHouseTestDatabase.perClass("findingrows");

    @Test
    void shouldStoreEveryValueOfATabSeparatedRowAsRendered() throws Exception {
        FindingState f = new FindingState();
        f.id = 1L << 40;
        f.productId = 7;
        f.engagementId = 70;
        f.testId = 700;
        f.title = "Ünïcode \"q\" \\ back\tslash\nnew\rline \u0000\b\f 😀 'quote'";
        f.severity = "High";
        f.date = "2024-03-01";
        f.hashCode = "h\\";
        f.uniqueIdFromTool = "u\t1";
        f.cwe = -1;
        f.componentName = "c";
        f.filePath = "C:\\path\\file";
        f.active = true;
        f.duplicate = true;
        f.duplicateFinding = 5;
        f.isMitigated = true;
        f.mitigated = "2024-03-02 01:02:03";
        f.created = "2024-03-05 10:00:00";
        String body = "{\"title\":\"Ünïcode \\\"q\\\" \\\\ \\t \\u0001\",\"endpoints\":[]}";
        FindingState open = f.copy();
        open.id = 2;
        open.mitigated = null;
        open.isMitigated = false;

        ClickHouseRow first = ClickHouseRows.finding(f, body.getBytes(StandardCharsets.UTF_8), 99, false);
        ClickHouseRow second = ClickHouseRows.finding(open, null, 100, true);
        byte[] data = (first.text() + "\n" + second.text() + "\n").getBytes(StandardCharsets.UTF_8);
        try (Client client = DATABASE.get().connection().newClient()) {
            client.insert("findings", first.format().columns(), new ByteArrayInputStream(data), first.format().format())
                    .get(30, TimeUnit.SECONDS).close();
        }

        String rows = DATABASE.get().scalar("SELECT * FROM findings ORDER BY id FORMAT JSONEachRow");
        String[] lines = rows.split("\n");
        assertThat(lines).hasSize(2);
        JsonNode stored = Json.mapper().readTree(lines[1]);
        assertThat(stored.path("title").asText()).isEqualTo(f.title);
        assertThat(stored.path("hash_code").asText()).isEqualTo("h\\");
        assertThat(stored.path("unique_id_from_tool").asText()).isEqualTo("u\t1");
        assertThat(stored.path("file_path").asText()).isEqualTo("C:\\path\\file");
        assertThat(stored.path("body").asText()).isEqualTo(body);
        assertThat(stored.path("mitigated").asText()).isEqualTo("2024-03-02 01:02:03");
        assertThat(stored.path("date").asText()).isEqualTo("2024-03-01");
        assertThat(stored.path("created").asText()).isEqualTo("2024-03-05 10:00:00");
        assertThat(stored.path("cwe").asLong()).isEqualTo(-1);
        assertThat(stored.path("id").asText()).isEqualTo(Long.toString(1L << 40));
        assertThat(stored.path("duplicate_finding").asText()).isEqualTo("5");
        assertThat(stored.path("version").asText()).isEqualTo("99");
        assertThat(stored.path("active").asInt()).isEqualTo(1);
        assertThat(stored.path("verified").asInt()).isEqualTo(0);
        JsonNode deleted = Json.mapper().readTree(lines[0]);
        assertThat(deleted.path("mitigated").isNull()).isTrue();
        assertThat(deleted.path("body").asText()).isEmpty();
        assertThat(deleted.path("deleted").asInt()).isEqualTo(1);
    }
}
