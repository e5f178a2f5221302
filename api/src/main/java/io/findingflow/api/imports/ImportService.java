package io.findingflow.api.imports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.http.ApiException;
import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.HashCodeCalculator;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.FindingRecord;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * import-scan and reimport-scan: parse the whole upload first (a bad file is a 400 and nothing is
 * created), resolve or create the target, authorize, produce the import in one Kafka
 * transaction, then wait (bounded) until the lifecycle job has applied it and answer with its
 * statistics.
 */
public final class ImportService {

    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final TestTypes testTypes;
    private final ImportTargets targets;
    private final Authorizer authorizer;
    private final ImportProducers producers;
    private final ImportCompletion completion;
    private final Path spoolDir;
    private final boolean deduplication;

    public ImportService(TestTypes testTypes, EntityWrites writes, Authorizer authorizer,
            ImportProducers producers, ImportCompletion completion, Path spoolDir,
            java.time.ZoneId zone, boolean deduplication) {
        this.testTypes = testTypes;
        this.targets = new ImportTargets(writes, zone);
        this.authorizer = authorizer;
        this.producers = producers;
        this.completion = completion;
        this.spoolDir = spoolDir;
        this.deduplication = deduplication;
    }

    public Map<String, Object> importScan(Caller caller, ImportRequest request, InputStream report)
            throws IOException, InterruptedException {
        ParserRegistry registry = testTypes.registry();
        if (!registry.supports(request.scanType())) {
            throw ApiException.field("scan_type", "\"" + request.scanType() + "\" is not a valid choice.");
        }
        String scanType = registry.canonical(request.scanType());
        try (FindingSpool spool = new FindingSpool(spoolDir)) {
            parse(registry, scanType, request, report, spool);
            ImportTarget target = targets.resolve(request);
            Role role = authorizer.roleOnProduct(caller, target.product().id())
                    .orElseThrow(() -> ApiException.notFound("Engagement"));
            if (!role.atLeast(Role.API_IMPORTER) || role == Role.READER) {
                throw ApiException.forbidden();
            }
            if (target.test() == null) {
                target = target.withTest(targets.createTest(request, target, testTypes.idOf(scanType)));
            }
            ImportHeader header = header(caller, request, scanType, target, spool.count());
            try {
                producers.produce(header, spool);
            } catch (IOException kafkaRefused) {
                // the transaction was aborted: nothing of this import is visible, so a retry is safe
                throw ApiException.unavailable("Kafka did not accept the import; nothing was written. Retry.");
            }
            ImportCompletion.Result result = completion.await(header.importId());
            return response(request, target, result);
        }
    }

    private void parse(ParserRegistry registry, String scanType, ImportRequest request, InputStream report,
            FindingSpool spool) {
        DedupSettings dedup = DedupSettings.forScanType(scanType);
        try {
            registry.parse(report, new ScanContext(scanType, Map.of(), Clock.systemUTC()), finding -> {
                if (!Severity.from(finding.severity).atLeast(request.minimumSeverity())) {
                    return;
                }
                if (request.active() != null) {
                    finding.active = request.active();
                }
                if (request.verified() != null) {
                    finding.verified = request.verified();
                }
                if (request.scanDate() != null) {
                    finding.date = request.scanDate();
                }
                if (request.service() != null) {
                    finding.service = request.service();
                    finding.hashCode = HashCodeCalculator.compute(finding, dedup);
                }
                try {
                    spool.add(FindingRecord.findingPart(finding, Json.mapper().writeValueAsBytes(finding)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ParseException e) {
            throw ApiException.field("file", e.getMessage());
        }
    }

    private ImportHeader header(Caller caller, ImportRequest request, String scanType, ImportTarget target,
            int count) {
        boolean closeOld = request.closeOldFindingsOrDefault();
        return new ImportHeader(
                UUID.randomUUID().toString(),
                request.reimport(),
                target.productType().id(),
                target.product().id(),
                target.engagement().id(),
                target.test().id(),
                scanType,
                DedupSettings.forScanType(scanType).algorithm().setting(),
                request.scanDate(),
                LocalDateTime.now(ZoneOffset.UTC).format(CLICKHOUSE_TIME),
                caller.id(),
                closeOld,
                request.closeOldFindingsProductScope() ? "product" : "engagement",
                request.doNotReactivate(),
                deduplication,
                request.deduplicationOnEngagement()
                        || target.engagement().data().path("deduplication_on_engagement").asBoolean(false),
                count,
                testImport(request, closeOld));
    }

    /** DefectDojo's Test_Import fields: the request's version and CI fields, and its import_settings. */
    private static String testImport(ImportRequest request, boolean closeOld) {
        com.fasterxml.jackson.databind.node.ObjectNode fields = Json.mapper().createObjectNode();
        fields.put("version", request.version()).put("build_id", request.buildId())
                .put("commit_hash", request.commitHash()).put("branch_tag", request.branchTag());
        com.fasterxml.jackson.databind.node.ObjectNode settings = fields.putObject("import_settings");
        settings.put("active", request.active()).put("verified", request.verified())
                .put("minimum_severity", request.minimumSeverity().label()).put("close_old_findings", closeOld)
                .put("push_to_jira", false);
        settings.putPOJO("tags", request.tags() == null ? java.util.List.of() : request.tags());
        return fields.toString();
    }

    private Map<String, Object> response(ImportRequest request, ImportTarget target, ImportCompletion.Result result) {
        Map<String, Object> body = new LinkedHashMap<>(request.echo());
        body.put("scan_type", testTypes.registry().canonical(request.scanType()));
        body.put("close_old_findings",
                request.closeOldFindingsOrDefault());
        body.put("test", target.test().id());
        body.put("test_id", target.test().id());
        body.put("engagement_id", target.engagement().id());
        body.put("product_id", target.product().id());
        body.put("product_type_id", target.productType().id());
        body.put("product_type_name", target.productType().text("name"));
        body.put("product_name", target.product().text("name"));
        body.put("engagement_name", target.engagement().text("name"));
        if (result.statistics() != null) {
            body.put("statistics", result.statistics());
        } else {
            body.put("statistics", Json.mapper().createObjectNode());
            body.put("deduplication_complete", false);
        }
        return body;
    }

    /** For callers that only need an entity back, e.g. tests. */
    static long id(Entity entity) {
        return entity.id();
    }

    static ObjectNode empty() {
        return Json.mapper().createObjectNode();
    }
}
