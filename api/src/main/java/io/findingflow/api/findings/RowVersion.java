package io.findingflow.api.findings;

/** One version of one finding: a row of {@code findings}, which never changes once written. */
record RowVersion(long id, long version) {}
