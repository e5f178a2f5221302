package io.findingflow.jobs.lifecycle.functions;

import io.findingflow.jobs.lifecycle.records.FindingEventRecord;
import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.ReportedFinding;
import io.findingflow.schemas.ImportHeader;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;

/**
 * Keyed indexes over one product's findings (ids by hash_code, by unique_id_from_tool and by test),
 * so an import reads only the findings it can match, not all of the product's: its test's findings
 * (reimport matching, closing, statistics) and those sharing a hash_code or unique_id_from_tool with
 * a reported finding (deduplication). ImportApplier needs nothing else, except import-scan's
 * close_old_findings, which looks at every finding of the engagement or product and so still reads
 * them all.
 *
 * <p>An index may hold ids that no longer match (a deleted finding, an edited unique id): lookups
 * load the current findings, and ImportApplier's matchers compare the current values, so extra
 * candidates change nothing; a missing one would. State of an older job version has no indexes:
 * they are built from the findings on the product's first import or edit after the upgrade.
 */
final class FindingIndexes {

    private final MapState<String, long[]> byHash;
    private final MapState<String, long[]> byUniqueId;
    private final MapState<Long, long[]> byTest;
    /** Set once the indexes cover all of the product's findings. */
    private final ValueState<Boolean> built;

    FindingIndexes(RuntimeContext context) {
        byHash = context.getMapState(new MapStateDescriptor<>("findings-by-hash", String.class, long[].class));
        byUniqueId = context.getMapState(
                new MapStateDescriptor<>("findings-by-unique-id", String.class, long[].class));
        byTest = context.getMapState(new MapStateDescriptor<>("findings-by-test", Long.class, long[].class));
        built = context.getState(new ValueStateDescriptor<>("findings-indexed", Boolean.class));
    }

    /** Indexes every finding of the current product unless that was done (state of older versions). */
    void ensureBuilt(MapState<Long, FindingState> findings) throws Exception {
        if (built.value() != null) {
            return;
        }
        Appends appends = new Appends();
        for (FindingState f : findings.values()) {
            appends.add(f);
        }
        appends.writeTo(this);
        built.update(true);
    }

    /**
     * The findings the import can match or change: all of them for import-scan with
     * close_old_findings, else its test's and those sharing a hash_code or unique id with a record.
     */
    Collection<FindingState> relevantTo(ImportHeader header, List<FindingEventRecord> records,
            MapState<Long, FindingState> findings) throws Exception {
        Map<Long, FindingState> relevant = new LinkedHashMap<>();
        if (!header.reimport() && header.closeOldFindings()) {
            for (FindingState f : findings.values()) {
                relevant.put(f.id, f);
            }
            return relevant.values();
        }
        load(byTest.get(header.testId()), findings, relevant);
        Set<String> hashes = new HashSet<>();
        Set<String> uniqueIds = new HashSet<>();
        for (FindingEventRecord record : records) {
            ReportedFinding reported = ImportApplier.reported(record);
            if (notBlank(reported.hashCode) && hashes.add(reported.hashCode)) {
                load(byHash.get(reported.hashCode), findings, relevant);
            }
            if (notBlank(reported.uniqueIdFromTool) && uniqueIds.add(reported.uniqueIdFromTool)) {
                load(byUniqueId.get(reported.uniqueIdFromTool), findings, relevant);
            }
        }
        return relevant.values();
    }

    /** Adds an import's new findings; each list stays in id order. */
    void added(Collection<FindingState> created) throws Exception {
        Appends appends = new Appends();
        created.forEach(appends::add);
        appends.writeTo(this);
    }

    void removed(FindingState f) throws Exception {
        if (notBlank(f.hashCode)) {
            remove(byHash, f.hashCode, f.id);
        }
        if (notBlank(f.uniqueIdFromTool)) {
            remove(byUniqueId, f.uniqueIdFromTool, f.id);
        }
        remove(byTest, f.testId, f.id);
    }

    /** An edit may change unique_id_from_tool (hash_code and test never change). */
    void edited(FindingState before, FindingState after) throws Exception {
        if (Objects.equals(before.uniqueIdFromTool, after.uniqueIdFromTool)) {
            return;
        }
        if (notBlank(before.uniqueIdFromTool)) {
            remove(byUniqueId, before.uniqueIdFromTool, before.id);
        }
        if (notBlank(after.uniqueIdFromTool)) {
            insert(byUniqueId, after.uniqueIdFromTool, after.id);
        }
    }

    private static void load(long[] ids, MapState<Long, FindingState> findings, Map<Long, FindingState> into)
            throws Exception {
        if (ids == null) {
            return;
        }
        for (long id : ids) {
            if (!into.containsKey(id)) {
                FindingState f = findings.get(id);
                if (f != null) {
                    into.put(id, f);
                }
            }
        }
    }

    private static <K> void remove(MapState<K, long[]> index, K key, long id) throws Exception {
        long[] ids = index.get(key);
        if (ids == null) {
            return;
        }
        long[] kept = Arrays.stream(ids).filter(i -> i != id).toArray();
        if (kept.length == 0) {
            index.remove(key);
        } else if (kept.length != ids.length) {
            index.put(key, kept);
        }
    }

    private static <K> void insert(MapState<K, long[]> index, K key, long id) throws Exception {
        long[] ids = index.get(key);
        if (ids == null) {
            index.put(key, new long[] {id});
            return;
        }
        if (Arrays.stream(ids).anyMatch(i -> i == id)) {
            return;
        }
        long[] grown = Arrays.copyOf(ids, ids.length + 1);
        grown[ids.length] = id;
        Arrays.sort(grown);
        index.put(key, grown);
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isEmpty();
    }

    /** New index entries gathered per key, written with one read and one write per key. */
    private static final class Appends {
        private final Map<String, LongList> hashes = new HashMap<>();
        private final Map<String, LongList> uniqueIds = new HashMap<>();
        private final Map<Long, LongList> tests = new HashMap<>();

        void add(FindingState f) {
            if (notBlank(f.hashCode)) {
                hashes.computeIfAbsent(f.hashCode, k -> new LongList()).add(f.id);
            }
            if (notBlank(f.uniqueIdFromTool)) {
                uniqueIds.computeIfAbsent(f.uniqueIdFromTool, k -> new LongList()).add(f.id);
            }
            tests.computeIfAbsent(f.testId, k -> new LongList()).add(f.id);
        }

        void writeTo(FindingIndexes indexes) throws Exception {
            append(indexes.byHash, hashes);
            append(indexes.byUniqueId, uniqueIds);
            append(indexes.byTest, tests);
        }

        private static <K> void append(MapState<K, long[]> index, Map<K, LongList> additions) throws Exception {
            for (Map.Entry<K, LongList> entry : additions.entrySet()) {
                long[] existing = index.get(entry.getKey());
                long[] added = entry.getValue().toArray();
                long[] merged;
                if (existing == null) {
                    merged = added;
                } else {
                    merged = Arrays.copyOf(existing, existing.length + added.length);
                    System.arraycopy(added, 0, merged, existing.length, added.length);
                }
                Arrays.sort(merged);
                index.put(entry.getKey(), merged);
            }
        }
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] values = new long[4];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
