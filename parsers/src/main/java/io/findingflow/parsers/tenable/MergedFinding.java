package io.findingflow.parsers.tenable;

import io.findingflow.parsers.DedupSettings;
import io.findingflow.parsers.HashCodeCalculator;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finding being merged from many report entries. The description grows by one plugin output per
 * host, so its pieces are kept (repeated concatenation is quadratic on big scans) and joined once,
 * when the finding is handed out. Most findings get one output: that description is joined at
 * once, while the row is still in the processor's cache, rather than after the last row.
 *
 * <p>For the same reason hash_code is worked out when the finding's first row has been merged:
 * handed out after the last row, a finding's texts have long left the cache, and reading them back
 * for hash_code cost more than hashing. A later row merged into the finding drops that early hash
 * (the registry then hashes the completed finding), so at worst a finding is hashed twice.
 */
final class MergedFinding {

    private static final String SEPARATOR = "\n\n";

    final Finding finding;
    private final String start;
    /** The start and the first output, joined when that was appended, or null before. */
    private String withFirstOutput;
    /** Any further outputs. */
    private List<String> moreOutputs;
    /** hash_code as of {@link #hashNow}, or null once another row changed the finding. */
    private String earlyHash;

    MergedFinding(Finding finding, String description) {
        this.finding = finding;
        this.start = description;
    }

    /** Appends "\n\n" and {@code text} to the description. */
    void appendOutput(String text) {
        if (withFirstOutput == null) {
            withFirstOutput = new StringBuilder(start.length() + SEPARATOR.length() + text.length())
                    .append(start).append(SEPARATOR).append(text).toString();
        } else {
            if (moreOutputs == null) {
                moreOutputs = new ArrayList<>(4);
            }
            moreOutputs.add(text);
        }
    }

    private String description() {
        if (withFirstOutput == null) {
            return start;
        }
        if (moreOutputs == null) {
            return withFirstOutput;
        }
        int length = withFirstOutput.length();
        for (String more : moreOutputs) {
            length += SEPARATOR.length() + more.length();
        }
        StringBuilder text = new StringBuilder(length).append(withFirstOutput);
        for (String more : moreOutputs) {
            text.append(SEPARATOR).append(more);
        }
        return text.toString();
    }

    /** Works out hash_code of the finding as it stands (see the class comment). */
    void hashNow(DedupSettings dedup) {
        finding.description = description();
        earlyHash = HashCodeCalculator.compute(finding, dedup);
    }

    /** Another row was merged in: the early hash no longer holds. */
    void changed() {
        earlyHash = null;
    }

    /** The finding with its description joined, and its hash_code when the early one still holds. */
    Finding complete() {
        finding.description = description();
        finding.hashCode = earlyHash;
        return finding;
    }

    /** Hands every finding out in first-seen order, letting each go once written. */
    static void emitAll(Map<String, MergedFinding> findings, io.findingflow.parsers.FindingSink out) {
        var it = findings.values().iterator();
        while (it.hasNext()) {
            MergedFinding merged = it.next();
            it.remove();
            out.accept(merged.complete());
        }
    }
}
