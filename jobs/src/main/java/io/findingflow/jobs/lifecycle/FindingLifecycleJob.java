package io.findingflow.jobs.lifecycle;

import io.findingflow.jobs.lifecycle.functions.FindingLifecycleFunction;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.sink.ClickHouseRow;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Finding lifecycle: imports, reimports and edits of each product → findings, metrics counters and
 * import completion rows. {@link #build} returns the sink-less graph so tests plug in bounded
 * sources and collect the rows; {@code FindingFlowJobs} attaches Kafka and ClickHouse.
 */
public final class FindingLifecycleJob {

    private FindingLifecycleJob() {}

    public static DataStream<ClickHouseRow> build(
            StreamExecutionEnvironment env, Source<FindingEventRecord, ?, ?> source) {
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "finding-events")
                .uid("finding-events-source")
                .keyBy(record -> record.productId)
                .process(new FindingLifecycleFunction())
                .name("finding-lifecycle")
                .uid("finding-lifecycle");
    }
}
