package io.findingflow.infra;

import io.findingflow.jobs.JobsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code findingflow up}: ClickHouse (child process), Kafka (in this JVM), the Flink jobs (a
 * MiniCluster in this JVM) and the API (child JVM), all state under FF_HOME. Ctrl-C stops them in
 * reverse order; a second start resumes with all data.
 *
 * <p>Args: {@code <api classpath file>}. With FF_STACK_NO_API=true the API is not started (the
 * test command runs API processes itself).
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws Exception {
        long begin = System.nanoTime();
        StackConfig stack = StackConfig.fromEnv(System.getenv());
        Map<String, String> env = stack.componentEnv();
        LocalStack local = new LocalStack();
        Runtime.getRuntime().addShutdownHook(new Thread(local::close, "stack-shutdown"));
        try {
            local.start(stack, env, args.length > 0 ? Files.readString(Path.of(args[0])).strip() : null);
        } catch (Exception e) {
            LOG.error("The stack did not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("%nFindingFlow is up in %.1f s%n", seconds);
        System.out.printf("  API:      http://127.0.0.1:%d/api/v2/   (health: /health)%n", stack.apiPort());
        System.out.printf("  Log in:   curl -X POST -H 'Content-Type: application/json' -d '{\"username\":\"%s\",\"password\":\"…\"}' "
                + "http://127.0.0.1:%d/api/v2/api-token-auth/%n", env.getOrDefault("DD_ADMIN_USER", "admin"), stack.apiPort());
        System.out.printf("            (DD_ADMIN_USER / DD_ADMIN_PASSWORD, default admin / admin)%n");
        System.out.printf("  Kafka:    %s   ClickHouse: %s   Flink: http://127.0.0.1:%d%n",
                stack.kafkaBootstrap(), stack.clickHouseUrl(), stack.flinkRestPort());
        System.out.printf("  Data:     %s   Stop: Ctrl-C%n", stack.home());
        Thread.currentThread().join();
    }

    void start(StackConfig stack, Map<String, String> env, String apiClasspath) throws Exception {
        Files.createDirectories(stack.home());
        JobsConfig jobs = JobsConfig.fromEnv(env);
        if (stack.localClickHouse()) {
            ClickHouseProcess clickHouse = new ClickHouseProcess(stack);
            started.push(clickHouse);
            clickHouse.start();
        }
        ClickHouseSchema.ensure(stack.clickHouseUrl(), jobs.clickHouse().database());
        if (stack.localKafka()) {
            KafkaBroker broker = new KafkaBroker(stack);
            started.push(broker);
            broker.start();
        }
        FlinkPipeline flink = new FlinkPipeline(jobs, stack.flinkRestPort(), stack.home().resolve("flink"));
        started.push(flink);
        flink.start();
        if (apiClasspath != null && !"true".equals(env.get("FF_STACK_NO_API"))) {
            ApiProcess api = new ApiProcess(env, apiClasspath, stack.home().resolve("logs/api.log"), stack.apiPort());
            started.push(api);
            api.start();
            api.awaitServing(Duration.ofMinutes(3));
        }
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
