package io.findingflow.jobs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch is cut into INSERTs: per table and format, waited-on tables last and in their order. */
class ClickHouseSinkWriterBatchTest {

    private static final InsertFormat TSV = InsertFormat.tabSeparated(List.of("id"));

    private static ClickHouseRow tsv(String table, String line) {
        return new ClickHouseRow(table, TSV, line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldGroupByTableAndFormatWithWaitedOnTablesLast() {
        List<ClickHouseRow> batch = List.of(
                new ClickHouseRow("imports", "{\"i\":1}"),
                tsv("findings", "1"),
                new ClickHouseRow("custom_metric_values", "{\"m\":1}"),
                new ClickHouseRow("findings", "{\"id\":0}"),
                tsv("findings", "2"),
                new ClickHouseRow("finding_month_counts", "{\"c\":1}"));

        List<List<ClickHouseRow>> inserts = ClickHouseSinkWriter.byTable(batch);

        assertThat(inserts).extracting(rows -> rows.get(0).table() + "/" + rows.get(0).format().format())
                .containsExactly("custom_metric_values/JSONEachRow", "finding_month_counts/JSONEachRow",
                        "findings/TabSeparated", "findings/JSONEachRow", "imports/JSONEachRow");
        assertThat(inserts.get(2)).extracting(ClickHouseRow::text).containsExactly("1", "2");
    }
}
