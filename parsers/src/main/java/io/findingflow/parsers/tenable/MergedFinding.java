package io.findingflow.parsers.tenable;

import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finding being merged from many report entries. The description grows by one plugin output per
 * host, so its pieces are kept (repeated concatenation is quadratic on big scans) and joined once,
 * when the finding is handed out. Most findings get one output: that description is joined at
 * once, while the row is still in the processor's cache, rather than after the last row.
 */
final class MergedFinding {

    private static final String SEPARATOR = "\n\n";

    final Finding finding;
    private final String start;
    /** The start and the first output, joined when that was appended, or null before. */
    private String withFirstOutput;
    /** Any further outputs. */
    private List<String> moreOutputs;

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

    /** The finding with its description joined. */
    Finding complete() {
        finding.description = description();
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
