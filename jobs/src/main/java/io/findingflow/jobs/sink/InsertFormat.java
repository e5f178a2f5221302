package io.findingflow.jobs.sink;

import com.clickhouse.data.ClickHouseFormat;
import java.io.Serializable;
import java.util.List;

/**
 * How a row's line is inserted: JSONEachRow (names in every line), or TabSeparated with the
 * columns named once per INSERT, which ClickHouse parses at a fraction of JSON's cost and which is
 * cheaper to render. Rows of one table and format go into one INSERT.
 */
public final class InsertFormat implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final InsertFormat JSON_EACH_ROW = new InsertFormat(ClickHouseFormat.JSONEachRow, List.of());

    private final ClickHouseFormat format;
    private final List<String> columns;
    /** Equality and the state serializer's form: the format, then the columns. */
    private final String key;

    private InsertFormat(ClickHouseFormat format, List<String> columns) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.key = columns.isEmpty() ? format.name() : format.name() + ":" + String.join(",", columns);
    }

    /** Lines of these columns' values in this order, TabSeparated-escaped ({@link TabSeparatedLine}). */
    public static InsertFormat tabSeparated(List<String> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("TabSeparated rows need their column names");
        }
        return new InsertFormat(ClickHouseFormat.TabSeparated, columns);
    }

    /** The inverse of {@link #key()}, for rows restored from a checkpoint. */
    static InsertFormat fromKey(String key) {
        int colon = key.indexOf(':');
        ClickHouseFormat format = ClickHouseFormat.valueOf(colon < 0 ? key : key.substring(0, colon));
        if (format == ClickHouseFormat.JSONEachRow && colon < 0) {
            return JSON_EACH_ROW;
        }
        if (format != ClickHouseFormat.TabSeparated || colon < 0) {
            throw new IllegalArgumentException("unknown insert format " + key);
        }
        return tabSeparated(List.of(key.substring(colon + 1).split(",")));
    }

    public ClickHouseFormat format() {
        return format;
    }

    /** Empty for JSONEachRow (every line names its columns). */
    public List<String> columns() {
        return columns;
    }

    String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InsertFormat that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
