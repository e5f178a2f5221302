package io.findingflow.api;

import io.findingflow.api.auth.AuthController;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Tokens;
import io.findingflow.api.auth.UserAccounts;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.custommetrics.CustomMetricsModule;
import io.findingflow.api.entities.EntityLog;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.findings.FindingController;
import io.findingflow.api.findings.FindingQueries;
import io.findingflow.api.findings.FindingWrites;
import io.findingflow.api.imports.ImportProducers;
import io.findingflow.api.health.HealthController;
import io.findingflow.api.http.ApiServer;
import io.findingflow.api.imports.ImportCompletion;
import io.findingflow.api.imports.ImportController;
import io.findingflow.api.imports.ImportService;
import io.findingflow.api.imports.TestTypeController;
import io.findingflow.api.imports.TestTypes;
import io.findingflow.api.metrics.MetricsSimpleController;
import io.findingflow.api.observability.ApiMetrics;
import io.findingflow.api.observability.KafkaLag;
import io.findingflow.api.observability.MetricsController;
import io.findingflow.api.resources.ResourceModule;
import io.findingflow.parsers.ParserRegistry;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one API process: replays the entities log, bootstraps the admin, serves HTTP. */
public final class ApiMain {

    private static final Logger LOG = LoggerFactory.getLogger(ApiMain.class);

    private ApiMain() {}

    public static void main(String[] args) throws Exception {
        ApiConfig config = ApiConfig.fromEnv(System.getenv());
        LOG.info("Starting FindingFlow API: {}", config);
        ParentWatch.exitWhenParentDies(System.getenv("FF_PARENT_PID"));
        EntityLog entityLog = new EntityLog(config.kafkaBootstrap(), config.topics().entities()).start();
        entityLog.awaitCaughtUp(Duration.ofMinutes(2));
        Tokens tokens = new Tokens(config.secretKey());
        UserAccounts accounts = new UserAccounts(entityLog, tokens);
        accounts.bootstrapAdmin(config.adminUser(), config.adminPassword(), config.adminEmail());
        ClickHouseReader clickHouse = new ClickHouseReader(config.clickHouseUrl(), config.clickHouseUser(),
                config.clickHousePassword(), config.clickHouseDatabase());
        EntityWrites writes = new EntityWrites(entityLog);
        Authenticator authenticator = new Authenticator(entityLog.store(), writes::sync);
        Authorizer authorizer = new Authorizer(entityLog.store());
        TestTypes testTypes = new TestTypes(ParserRegistry.standard());
        Path uploads = Path.of(config.uploadDir());
        ImportProducers producers = new ImportProducers(config.kafkaBootstrap(), config.topics().findingEvents(),
                config.importProducers());
        ImportCompletion completion = new ImportCompletion(clickHouse, config.importWait());
        ImportService importService = new ImportService(testTypes, writes, authorizer, producers, completion,
                uploads.resolve("spool"), config.timeZone(), config.deduplication());
        TableWatch findingsWatch = TableWatch.of(clickHouse, "findings", config.readMaxStaleness()); // lists, products
        FindingQueries findingQueries = new FindingQueries(clickHouse, findingsWatch);
        FindingWrites findingWrites = new FindingWrites(authorizer, findingQueries, entityLog.store(), producers,
                completion, config.deduplication());
        ApiMetrics apiMetrics = new ApiMetrics();
        KafkaLag kafkaLag = new KafkaLag(config.kafkaBootstrap(), java.util.Map.of(
                "findingflow-lifecycle", config.topics().findingEvents(),
                "findingflow-custom-metrics", config.topics().metricPoints()));
        ApiServer.Controllers controllers = new ApiServer.Controllers(
                new HealthController(entityLog, clickHouse, config.flinkRestUrl()),
                new AuthController(accounts),
                new ImportController(authenticator, importService, config.maxUploadBytes(), apiMetrics),
                new FindingController(authenticator, authorizer, findingQueries, findingWrites),
                new MetricsSimpleController(authenticator, authorizer, entityLog.store(), clickHouse,
                        config.timeZone(), config.enforceVerified(), config.readMaxStaleness()),
                new TestTypeController(authenticator, testTypes),
                ResourceModule.create(authenticator, authorizer, writes, testTypes, clickHouse, producers,
                        findingQueries, findingsWatch, TableWatch.of(clickHouse, "imports", config.readMaxStaleness())),
                CustomMetricsModule.create(config, entityLog, clickHouse),
                new MetricsController(apiMetrics, kafkaLag));
        java.nio.file.Files.createDirectories(uploads);
        Javalin app = ApiServer.create(controllers, config.maxUploadBytes(), uploads.toString());
        new io.findingflow.api.web.WebModule(io.findingflow.api.web.WebConfig.fromEnv(System.getenv()),
                config.secretKey(), accounts, tokens, writes).install(app); // login, sessions, /api/key-v2
        app.start("0.0.0.0", config.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            try {
                controllers.customMetrics().close();
            } catch (Exception e) {
                LOG.warn("closing custom metrics: {}", e.toString());
            }
            entityLog.close();
            clickHouse.close();
        }));
        LOG.info("FindingFlow API listening on port {}", config.port());
    }
}
