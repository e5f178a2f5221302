package io.findingflow.parsers;

import java.util.List;

/** The explicit list of parsers FindingFlow ships. Add a new parser here, nowhere else. */
final class StandardParsers {

    private StandardParsers() {}

    static List<ScanParser> all() {
        return List.of(
                // PARSER LIST — one line per tool, keep alphabetical by package
                );
    }
}
