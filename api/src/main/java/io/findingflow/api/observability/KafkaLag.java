package io.findingflow.api.observability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The pipeline's lag: for each Flink consumer group, end offsets minus the offsets the job
 * committed (Flink commits on every checkpoint), summed per topic.
 */
public final class KafkaLag implements AutoCloseable {

    private final Admin admin;
    private final Map<String, String> groupTopics;

    /** @param groupTopics consumer group → the topic it reads */
    public KafkaLag(String bootstrap, Map<String, String> groupTopics) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        this.admin = Admin.create(p);
        this.groupTopics = Map.copyOf(groupTopics);
    }

    void refresh(ApiMetrics metrics) {
        groupTopics.forEach((group, topic) -> {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(2, TimeUnit.SECONDS);
                List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(2, TimeUnit.SECONDS).get(topic).partitions().stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                        admin.listOffsets(latest).all().get(2, TimeUnit.SECONDS);
                long lag = 0;
                for (TopicPartition tp : partitions) {
                    OffsetAndMetadata done = committed.get(tp);
                    lag += ends.get(tp).offset() - (done == null ? 0 : done.offset());
                }
                metrics.kafkaLag.labels(group, topic).set(lag);
            } catch (Exception e) {
                metrics.kafkaLag.labels(group, topic).set(Double.NaN); // unknown, not zero
            }
        });
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
