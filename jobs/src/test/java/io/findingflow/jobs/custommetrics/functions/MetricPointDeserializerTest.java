package io.findingflow.jobs.custommetrics.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.custommetrics.records.MetricPointRecord;
import io.findingflow.jobs.custommetrics.records.MetricPointRecordTypeInfo;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricPoint;
import io.findingflow.schemas.custommetrics.MetricPointBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class MetricPointDeserializerTest {

    private final List<MetricPointRecord> out = new ArrayList<>();
    private final Collector<MetricPointRecord> collector = new Collector<>() {
        @Override
        public void collect(MetricPointRecord record) {
            out.add(record);
        }

        @Override
        public void close() {}
    };

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static MetricPoint point(String key, double value, String date) {
        return new MetricPoint(5, "Last", "Daily", key, value, 1, millis(date));
    }

    private void read(byte[] value, long offset) {
        new MetricPointDeserializer().deserialize(new ConsumerRecord<>("ff.metric-points", 3, offset, null, value),
                collector);
    }

    @Test
    void shouldGroupABatchsPointsByBucketAndKeyKeepingArrivalOrder() {
        read(MetricPointBatch.encode(List.of(
                point("a", 1, "2024-02-29T10:00:00Z"),
                point("b", 2, "2024-02-29T11:00:00Z"),
                point("a", 3, "2024-03-01T00:00:00Z"),
                point("a", 4, "2024-02-29T23:59:59Z"),
                point("a", 5, "2024-02-29T00:00:00Z"))), 77);

        assertThat(out).extracting(MetricPointRecord::stateKey).containsExactly(
                "5|" + millis("2024-02-29T00:00:00Z") / 1000 + "|a",
                "5|" + millis("2024-02-29T00:00:00Z") / 1000 + "|b",
                "5|" + millis("2024-03-01T00:00:00Z") / 1000 + "|a");
        MetricPointRecord first = out.get(0);
        assertThat(first.values).containsExactly(1, 4, 5);
        assertThat(first.dates).containsExactly(millis("2024-02-29T10:00:00Z"), millis("2024-02-29T23:59:59Z"),
                millis("2024-02-29T00:00:00Z"));
        assertThat(first.weights).containsExactly(1, 1, 1);
        assertThat(out).allSatisfy(r -> {
            assertThat(r.offset).isEqualTo(77);
            assertThat(r.partition).isEqualTo(3);
            assertThat(r.dataType).isEqualTo("Last");
            assertThat(r.interval).isEqualTo("Daily");
        });
        assertThat(out.get(2).values).containsExactly(3);
    }

    @Test
    void shouldGroupManyBucketsOfOneBatch() {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            points.add(new MetricPoint(8, "Sum", "Hourly", "key-" + (i % 50), i, 1,
                    millis("2024-01-01T00:00:00Z") + (i % 30) * 3_600_000L));
        }
        read(MetricPointBatch.encode(points), 1);
        assertThat(out).hasSize(150);
        assertThat(out.stream().mapToInt(MetricPointRecord::size).sum()).isEqualTo(1000);
        assertThat(out.stream().flatMapToDouble(r -> Arrays.stream(r.values)).sum()).isEqualTo(999 * 1000 / 2d);
    }

    @Test
    void shouldStillReadTheSinglePointJsonRecordsOfTheFormerFormat() throws Exception {
        MetricPoint point = point("k", 9.5, "2024-05-05T05:05:05Z");
        read(Json.mapper().writeValueAsBytes(point), 12);
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.stateKey()).isEqualTo("5|" + millis("2024-05-05T00:00:00Z") / 1000 + "|k");
            assertThat(r.values).containsExactly(9.5);
            assertThat(r.dates).containsExactly(point.date());
            assertThat(r.offset).isEqualTo(12);
        });
    }

    @Test
    void shouldSkipWhatItCannotRead() throws Exception {
        read("not json".getBytes(), 1);
        read(new byte[] {MetricPointBatch.MAGIC, 1, 2}, 2);
        read(MetricPointBatch.encode(List.of(new MetricPoint(5, "Median", "Daily", "", 1, 1, 1))), 3);
        read(MetricPointBatch.encode(List.of(new MetricPoint(5, "Sum", "Fortnightly", "", 1, 1, 1))), 4);
        read(Json.mapper().writeValueAsBytes(new MetricPoint(5, "Sum", "Fortnightly", "", 1, 1, 1)), 5);
        assertThat(out).isEmpty();
    }

    @Test
    void shouldProduceTheNonReflectiveTypeInformation() {
        assertThat(new MetricPointDeserializer().getProducedType()).isEqualTo(MetricPointRecordTypeInfo.INSTANCE);
        assertThat(TypeInformation.of(MetricPointRecord.class)).isEqualTo(MetricPointRecordTypeInfo.INSTANCE);
    }
}
