package io.findingflow.jobs.sink;

import java.io.Serializable;

/** One row for one ClickHouse table, already rendered as a JSONEachRow line (no trailing newline). */
public record ClickHouseRow(String table, String json) implements Serializable {}
