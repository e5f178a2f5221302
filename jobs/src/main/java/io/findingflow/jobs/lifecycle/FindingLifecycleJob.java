package io.findingflow.jobs.lifecycle;

import io.findingflow.jobs.lifecycle.functions.FindingLifecycleFunction;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Finding lifecycle: imports, reimports and edits of each product → findings, metrics counters and
 * import completion rows. {@link #build} returns the sink-less graph over any stream of events, so
 * tests feed bounded collections and collect the rows; {@code FindingFlowJobs} attaches Kafka and
 * ClickHouse.
 */
public final class FindingLifecycleJob {

    private FindingLifecycleJob() {}

    public static DataStream<ClickHouseRow> build(DataStream<FindingEventRecord> events) {
        return build(events, ZoneOffset.UTC);
    }

    /** {@code timeZone}: the server's (DD_TIME_ZONE), for months of mitigation and scan dates. */
    public static DataStream<ClickHouseRow> build(DataStream<FindingEventRecord> events, ZoneId timeZone) {
        return events.keyBy(record -> record.productId)
                .process(new FindingLifecycleFunction(timeZone))
                .name("finding-lifecycle")
                .uid("finding-lifecycle");
    }
}
