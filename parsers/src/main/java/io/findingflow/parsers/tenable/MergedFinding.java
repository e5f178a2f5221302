package io.findingflow.parsers.tenable;

import io.findingflow.schemas.Finding;

/**
 * A finding being merged from many report entries. The description grows by one plugin output per
 * host, so it is built in a StringBuilder (repeated string concatenation is quadratic on big scans)
 * and written back by {@link #finish()}.
 */
final class MergedFinding {

    final Finding finding;
    private final StringBuilder description;

    MergedFinding(Finding finding, String description) {
        this.finding = finding;
        this.description = description == null ? null : new StringBuilder(description);
    }

    void appendToDescription(String text) {
        if (description != null) {
            description.append(text);
        }
    }

    Finding finish() {
        finding.description = description == null ? null : description.toString();
        return finding;
    }
}
