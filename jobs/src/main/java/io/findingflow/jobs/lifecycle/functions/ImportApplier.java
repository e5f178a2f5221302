package io.findingflow.jobs.lifecycle.functions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.ReportedFinding;
import io.findingflow.schemas.FindingIds;
import io.findingflow.schemas.ImportHeader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DefectDojo's import and reimport semantics over one product's findings, as a pure function:
 * given the product's findings and one complete import, what changes. No Flink here, so it is
 * tested directly; {@link FindingLifecycleFunction} stores and emits the result.
 */
final class ImportApplier {

    /** What an import did: each changed finding before (null when new) and after, plus statistics. */
    record Outcome(Map<Long, FindingState> before, Map<Long, FindingState> after, ObjectNode statistics,
            Map<Long, byte[]> newBodies) {}

    private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ImportApplier() {}

    static Outcome apply(
            ImportHeader header, Collection<FindingState> existing, List<FindingEventRecord> records) {
        return apply(header, existing, records, ZoneOffset.UTC);
    }

    /** {@code zone}: the server time zone; a scan date means midnight there (as DefectDojo's make_aware). */
    static Outcome apply(ImportHeader header, Collection<FindingState> existing, List<FindingEventRecord> records,
            ZoneId zone) {
        Map<Long, FindingState> before = new LinkedHashMap<>();
        Map<Long, FindingState> after = new LinkedHashMap<>();
        List<FindingState> testBefore = new ArrayList<>();
        FindingMatcher inTest = new FindingMatcher(header.dedupAlgorithm());
        FindingMatcher forDedup = new FindingMatcher(header.dedupAlgorithm());
        FindingMatcher forCloseOld = new FindingMatcher(header.dedupAlgorithm());
        List<FindingState> closeOldCandidates = new ArrayList<>();
        for (FindingState f : sortedById(existing)) {
            if (f.testId == header.testId()) {
                testBefore.add(f);
                inTest.add(f);
            }
            if (!f.duplicate && inDedupScope(header, f)) {
                forDedup.add(f);
            }
            if (!header.reimport() && header.closeOldFindings() && f.active && inCloseOldScope(header, f)
                    && header.scanType().equals(f.scanType) && f.testId != header.testId()) {
                closeOldCandidates.add(f);
                forCloseOld.add(f);
            }
        }
        List<FindingState> created = new ArrayList<>();
        List<FindingState> reactivated = new ArrayList<>();
        List<FindingState> untouched = new ArrayList<>();
        Set<Long> matched = new HashSet<>();
        Set<Long> stillReported = new HashSet<>();
        Map<Long, byte[]> newBodies = new LinkedHashMap<>();
        for (FindingEventRecord record : records) {
            FindingState incoming = fromReport(header, record, zone);
            if (header.reimport()) {
                FindingState match = firstUnmatched(inTest.candidates(incoming), matched);
                if (match != null) {
                    matched.add(match.id);
                    if (match.isMitigated && !header.doNotReactivate()) {
                        FindingState reopened = match.copy();
                        reopened.active = true;
                        reopened.isMitigated = false;
                        reopened.mitigated = null;
                        before.put(match.id, match);
                        after.put(match.id, reopened);
                        reactivated.add(reopened);
                    } else {
                        untouched.add(match);
                    }
                    continue;
                }
            }
            for (FindingState old : forCloseOld.candidates(incoming)) {
                stillReported.add(old.id);
            }
            if (header.deduplicate()) {
                List<FindingState> originals = forDedup.candidates(incoming);
                if (!originals.isEmpty()) {
                    incoming.duplicate = true;
                    incoming.duplicateFinding = originals.get(0).id;
                    incoming.active = false;
                    incoming.verified = false;
                }
            }
            if (!incoming.duplicate) {
                forDedup.add(incoming);
            }
            after.put(incoming.id, incoming);
            newBodies.put(incoming.id, body(record));
            created.add(incoming);
        }
        List<FindingState> closed = new ArrayList<>();
        if (header.reimport() && header.closeOldFindings()) {
            for (FindingState f : testBefore) {
                if (!matched.contains(f.id) && f.active) {
                    closed.add(close(header, f, before, after, zone));
                }
            }
        }
        for (FindingState f : closeOldCandidates) {
            if (!stillReported.contains(f.id)) {
                closed.add(close(header, f, before, after, zone));
            }
        }
        return new Outcome(before, after,
                statistics(header, testBefore, after, created, closed, reactivated, untouched), newBodies);
    }

    private static FindingState close(ImportHeader header, FindingState f, Map<Long, FindingState> before,
            Map<Long, FindingState> after, ZoneId zone) {
        FindingState closedState = f.copy();
        closedState.active = false;
        closedState.isMitigated = true;
        closedState.mitigated = header.scanDate() != null
                ? LocalDate.parse(header.scanDate()).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC)
                        .format(CLICKHOUSE_TIME)
                : header.importedAt();
        before.put(f.id, f);
        after.put(f.id, closedState);
        return closedState;
    }

    private static ObjectNode statistics(
            ImportHeader header, List<FindingState> testBefore, Map<Long, FindingState> after,
            List<FindingState> created, List<FindingState> closed, List<FindingState> reactivated,
            List<FindingState> untouched) {
        Map<Long, FindingState> testAfter = new LinkedHashMap<>();
        testBefore.forEach(f -> testAfter.put(f.id, f));
        after.values().stream().filter(f -> f.testId == header.testId()).forEach(f -> testAfter.put(f.id, f));
        ObjectNode stats = JsonNodeFactory.instance.objectNode();
        if (header.reimport()) {
            stats.set("before", ImportStatistics.of(testBefore));
            ObjectNode delta = stats.putObject("delta");
            delta.set("created", ImportStatistics.of(created));
            delta.set("closed", ImportStatistics.of(closed));
            delta.set("reactivated", ImportStatistics.of(reactivated));
            delta.set("untouched", ImportStatistics.of(untouched));
        }
        stats.set("after", ImportStatistics.of(testAfter.values()));
        return stats;
    }

    private static FindingState firstUnmatched(List<FindingState> candidates, Set<Long> matched) {
        for (FindingState candidate : candidates) {
            if (!matched.contains(candidate.id)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean inDedupScope(ImportHeader header, FindingState f) {
        return !header.deduplicationOnEngagement() || f.engagementId == header.engagementId();
    }

    private static boolean inCloseOldScope(ImportHeader header, FindingState f) {
        return "product".equals(header.closeOldScope()) || f.engagementId == header.engagementId();
    }

    private static List<FindingState> sortedById(Collection<FindingState> findings) {
        List<FindingState> sorted = new ArrayList<>(findings);
        sorted.sort((a, b) -> Long.compare(a.id, b.id));
        return sorted;
    }

    /** A new finding from a report record; its id is its record's Kafka position. */
    static FindingState fromReport(ImportHeader header, FindingEventRecord record, ZoneId zone) {
        ReportedFinding reported = reported(record);
        FindingState f = new FindingState();
        f.id = FindingIds.fromPosition(record.partition, record.offset);
        f.productId = header.productId();
        f.engagementId = header.engagementId();
        f.testId = header.testId();
        f.scanType = header.scanType();
        f.title = reported.title;
        f.severity = reported.severity;
        f.date = dateOf(reported.date, header, zone);
        f.hashCode = reported.hashCode;
        f.uniqueIdFromTool = reported.uniqueIdFromTool;
        f.cwe = reported.cwe;
        f.componentName = reported.componentName;
        f.filePath = reported.filePath;
        f.active = reported.active;
        f.verified = reported.verified;
        f.falseP = reported.falseP;
        f.outOfScope = reported.outOfScope;
        f.riskAccepted = reported.riskAccepted;
        f.isMitigated = reported.isMitigated;
        f.mitigated = f.isMitigated ? dateTimeOf(reported.mitigated, header) : null;
        f.created = header.importedAt();
        return f;
    }

    /** The record's decoded finding fields, decoding its JSON when it came without them. */
    static ReportedFinding reported(FindingEventRecord record) {
        FindingEventDeserializer.expand(record);
        if (record.reported != null) {
            return record.reported;
        }
        return ReportedFindings.fromJson(record.findingUtf8 != null
                ? new String(record.findingUtf8, StandardCharsets.UTF_8) : record.finding);
    }

    /** The finding's JSON as UTF-8, its row's body. */
    static byte[] body(FindingEventRecord record) {
        FindingEventDeserializer.expand(record);
        if (record.findingUtf8 != null) {
            return record.findingUtf8;
        }
        return record.finding == null ? null : record.finding.getBytes(StandardCharsets.UTF_8);
    }

    private static String dateOf(String date, ImportHeader header, ZoneId zone) {
        if (date != null && date.length() >= 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
            return date.substring(0, 10);
        }
        if (header.scanDate() != null) {
            return header.scanDate();
        }
        // today in the server's time zone, as Django stores an aware "now" in a DateField
        try {
            return LocalDateTime.parse(header.importedAt(), CLICKHOUSE_TIME).atOffset(ZoneOffset.UTC)
                    .atZoneSameInstant(zone).toLocalDate().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return header.importedAt().substring(0, 10);
        }
    }

    private static String dateTimeOf(String timestamp, ImportHeader header) {
        if (timestamp != null && timestamp.length() >= 19) {
            return timestamp.substring(0, 10) + " " + timestamp.substring(11, 19);
        }
        return header.importedAt();
    }
}
