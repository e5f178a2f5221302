package io.findingflow.jobs.sink;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One row for one ClickHouse table, already rendered as one line of its insert format (UTF-8, no
 * trailing newline): kept as bytes because the sink writes them as they are. Immutable by
 * convention: nothing writes to {@code line} once the row exists (see ClickHouseRowSerializer).
 */
@TypeInfo(ClickHouseRowTypeInfo.Factory.class)
public record ClickHouseRow(String table, InsertFormat format, byte[] line) implements Serializable {

    /** A JSONEachRow row. */
    public ClickHouseRow(String table, String json) {
        this(table, InsertFormat.JSON_EACH_ROW, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The line as text (the JSON object of a JSONEachRow row). */
    public String text() {
        return new String(line, StandardCharsets.UTF_8);
    }
}
