package io.findingflow.parsers.tenable;

import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finding being merged from many report entries. The description grows by one plugin output per
 * host, so its pieces are kept in a list (repeated concatenation is quadratic on big scans) and
 * joined once, when the finding is handed out.
 */
final class MergedFinding {

    final Finding finding;
    private List<String> description = new ArrayList<>();

    MergedFinding(Finding finding, String description) {
        this.finding = finding;
        this.description.add(description);
    }

    void appendToDescription(String text) {
        description.add(text);
    }

    /** Hands every finding out in first-seen order, letting each go once written. */
    static void emitAll(Map<String, MergedFinding> findings, io.findingflow.parsers.FindingSink out) {
        var it = findings.values().iterator();
        while (it.hasNext()) {
            MergedFinding merged = it.next();
            it.remove();
            merged.finding.description = String.join("", merged.description);
            merged.description = null;
            out.accept(merged.finding);
        }
    }
}
