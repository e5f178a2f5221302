package io.findingflow.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft broker (combined broker + controller) in this JVM, data under
 * FF_HOME/kafka. It is the 3.9 line on purpose: it shares the JVM with Flink's Kafka connector.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private final Path dir;
    private final StackConfig stack;
    private KafkaRaftServer server;

    public KafkaBroker(StackConfig stack) {
        this.stack = stack;
        this.dir = stack.home().resolve("kafka");
    }

    public void start() throws IOException {
        Path logs = dir.resolve("data");
        Files.createDirectories(logs);
        Properties props = properties(logs);
        Path file = dir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            props.store(out, "written by findingflow on every start");
        }
        if (!Files.exists(logs.resolve("meta.properties"))) {
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code = kafka.tools.StorageTool$.MODULE$.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (code != 0) {
                throw new IOException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        }
        server = new KafkaRaftServer(new KafkaConfig(props), Time.SYSTEM);
        server.startup();
        LOG.info("Kafka broker up on {}", stack.kafkaBootstrap());
    }

    private Properties properties(Path logs) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + stack.kafkaControllerPort());
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + stack.kafkaPort() + ",CONTROLLER://127.0.0.1:" + stack.kafkaControllerPort());
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + stack.kafkaPort());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "2");
        p.put("auto.create.topics.enable", "false");
        p.put("message.max.bytes", String.valueOf(16 * 1024 * 1024));
        // Flink's exactly-once machinery and long imports need transactions to live a while
        p.put("transaction.max.timeout.ms", "900000");
        return p;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }
}
