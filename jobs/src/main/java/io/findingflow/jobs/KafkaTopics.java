package io.findingflow.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates FindingFlow's topics when missing. The finding and entity topics are the system of
 * record (every table can be rebuilt from them), so they keep data forever.
 */
public final class KafkaTopics {

    private KafkaTopics() {}

    public static void ensure(JobsConfig config) throws InterruptedException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            Map<String, String> forever = Map.of("retention.ms", "-1", "retention.bytes", "-1");
            List<NewTopic> wanted = new ArrayList<>();
            wanted.add(new NewTopic(config.topics().entities(), 1, (short) 1).configs(forever));
            wanted.add(new NewTopic(config.topics().findingEvents(), config.findingPartitions(), (short) 1)
                    .configs(forever));
            wanted.add(new NewTopic(config.topics().metricPoints(), config.findingPartitions(), (short) 1)
                    .configs(forever));
            wanted.removeIf(topic -> existing.contains(topic.name()));
            if (wanted.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(wanted).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e.getCause());
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka is not reachable at " + config.kafkaBootstrap(), e.getCause());
        }
    }
}
