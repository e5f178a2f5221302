package io.findingflow.jobs.lifecycle;

import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.finding;
import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.sink.ClickHouseSink;
import io.findingflow.jobs.sink.ClickHouseTestDatabase;
import io.findingflow.jobs.sink.JobTestCluster;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle graph on a real MiniCluster (parallelism 2) writing to the real ClickHouse through
 * the AsyncSinkBase sink; run twice to prove a replay leaves every table as it was.
 */
class FindingLifecycleJobIT {

    @RegisterExtension
    static final MiniClusterExtension FLINK = JobTestCluster.twoSlots();

    @RegisterExtension
    static final ClickHouseTestDatabase.PerClass CLICKHOUSE = ClickHouseTestDatabase.perClass("lifecycle");

    private static List<FindingEventRecord> threeProductsTwoImportsEach() {
        LifecycleTestSupport events = new LifecycleTestSupport();
        List<FindingEventRecord> records = new ArrayList<>();
        for (long product = 1; product <= 3; product++) {
            records.addAll(events.importOf(header("first-" + product, false, product, product * 10, product * 100),
                    finding("a", "High", "h1"), finding("b", "Low", "h2"), finding("c", "Critical", "h3")));
            records.addAll(events.importOf(header("again-" + product, true, product, product * 10, product * 100),
                    finding("a", "High", "h1"), finding("d", "Medium", "h4")));
        }
        return records;
    }

    private static void run(List<FindingEventRecord> records) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        FindingLifecycleJob.build(env.fromData(TypeInformation.of(FindingEventRecord.class), records.toArray(new FindingEventRecord[0])))
                .sinkTo(ClickHouseSink.builder(CLICKHOUSE.get().connection()).maxBatchSize(7).build());
        env.execute("lifecycle-it");
    }

    @Test
    void shouldWriteLatestFindingStatesAndExactCountsIdempotently() throws Exception {
        List<FindingEventRecord> records = threeProductsTwoImportsEach();
        run(records);
        assertTables();
        run(records); // a replay (what Flink does after a failure) must change nothing
        assertTables();
    }

    private static void assertTables() throws Exception {
        assertThat(CLICKHOUSE.get().scalar("SELECT count() FROM findings FINAL")).isEqualTo("12");
        assertThat(CLICKHOUSE.get().scalar("SELECT sum(active) FROM findings FINAL")).isEqualTo("6");
        assertThat(CLICKHOUSE.get().scalar("SELECT count() FROM imports FINAL")).isEqualTo("6");
        assertThat(CLICKHOUSE.get().scalar(
                "SELECT sum(total_verified) FROM finding_month_counts FINAL WHERE month = '2024-03-01'"))
                .isEqualTo("12");
        assertThat(CLICKHOUSE.get().scalar("SELECT sum(closed_verified) FROM finding_month_counts FINAL")).isEqualTo("6");
        assertThat(CLICKHOUSE.get().scalar(
                "SELECT position(statistics, '\"delta\"') > 0 FROM imports FINAL WHERE import_id = 'again-2'"))
                .isEqualTo("1");
    }
}
