package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.schemas.ImportEvent;
import io.findingflow.schemas.ImportHeader;
import io.findingflow.schemas.Json;
import java.util.ArrayList;
import java.util.List;

/** Builds finding-events records as the API produces them, with made-up Kafka positions. */
public final class LifecycleTestSupport {

    private long nextOffset;

    public static ImportHeader header(String importId, boolean reimport, long product, long engagement, long test) {
        return new ImportHeader(importId, reimport, 1, product, engagement, test, "Trivy Scan", "hash_code",
                "2024-03-05", "2024-03-05 10:00:00", 1, reimport, "engagement", false, false, false, 0);
    }

    public static ImportHeader withOptions(ImportHeader h, boolean closeOld, String scope, boolean doNotReactivate,
            boolean deduplicate) {
        return new ImportHeader(h.importId(), h.reimport(), h.productTypeId(), h.productId(), h.engagementId(),
                h.testId(), h.scanType(), h.dedupAlgorithm(), h.scanDate(), h.importedAt(), h.userId(), closeOld,
                scope, doNotReactivate, deduplicate, h.deduplicationOnEngagement(), h.findingCount());
    }

    public static ObjectNode finding(String title, String severity, String hash) {
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("title", title);
        f.put("severity", severity);
        f.put("hash_code", hash);
        f.put("verified", true);
        f.put("active", true);
        f.put("date", "2024-03-01");
        return f;
    }

    /** begin, one record per finding, end — as one import in one partition. */
    public List<FindingEventRecord> importOf(ImportHeader header, ObjectNode... findings) {
        List<FindingEventRecord> records = new ArrayList<>();
        records.add(record(ImportEvent.BEGIN, header, write(header), null));
        for (ObjectNode finding : findings) {
            records.add(record(ImportEvent.FINDING, header, null, finding.toString()));
        }
        records.add(record(ImportEvent.END, header, null, null));
        return records;
    }

    /** The finding records only (what ImportApplier receives). */
    public List<FindingEventRecord> findingsOf(ImportHeader header, ObjectNode... findings) {
        return importOf(header, findings).stream().filter(r -> r.type.equals(ImportEvent.FINDING)).toList();
    }

    private FindingEventRecord record(String type, ImportHeader header, String headerJson, String finding) {
        return new FindingEventRecord(type, header.importId(), header.productId(), 0, nextOffset++, headerJson,
                finding, null);
    }

    private static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
