package io.findingflow.api.custommetrics;

import io.findingflow.api.ApiConfig;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.custommetrics.auth.AccessKeyController;
import io.findingflow.api.custommetrics.auth.AccessKeySecrets;
import io.findingflow.api.custommetrics.auth.AccessKeys;
import io.findingflow.api.custommetrics.auth.TcAuthenticator;
import io.findingflow.api.entities.EntityLog;
import java.time.Clock;

/** The ThreatConnect custom metrics feature wired from its dependencies: its controllers and what to close. */
public record CustomMetricsModule(
        CustomMetricController configs,
        MetricDataController data,
        AccessKeyController accessKeys,
        AutoCloseable resources) implements AutoCloseable {

    public static CustomMetricsModule create(ApiConfig api, EntityLog entityLog, ClickHouseReader clickHouse) {
        CustomMetricsConfig config = CustomMetricsConfig.fromEnv(System.getenv());
        Clock clock = Clock.systemUTC();
        AccessKeySecrets secrets = new AccessKeySecrets(api.secretKey());
        AccessKeys keys = new AccessKeys(entityLog, secrets, clock);
        MetricConfigs configs = new MetricConfigs(entityLog);
        TcAuthenticator authenticator = new TcAuthenticator(entityLog.store(), secrets, clock, configs::sync);
        MetricValueQueries queries = new MetricValueQueries(clickHouse);
        MetricPointProducer producer =
                new MetricPointProducer(api.kafkaBootstrap(), api.topics().metricPoints(), config.producers());
        MetricValueWaiter waiter = new MetricValueWaiter(queries, config.returnWait(), config.pollMillis()).start();
        MetricPermissions permissions = new MetricPermissions(new Authorizer(entityLog.store()));
        return new CustomMetricsModule(
                new CustomMetricController(authenticator, configs, permissions),
                new MetricDataController(authenticator, configs, permissions, producer, waiter, queries, clock),
                new AccessKeyController(authenticator, keys, entityLog.store(), configs::sync),
                () -> {
                    waiter.close();
                    producer.close();
                });
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
