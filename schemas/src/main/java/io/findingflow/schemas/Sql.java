package io.findingflow.schemas;

/**
 * The one literal-escaping helper for ClickHouse SQL. ClickHouse 18.16 has no {@code {name:Type}}
 * query parameters, so every value that reaches SQL text goes through here; numbers are bound as
 * Java numbers (never strings) so they cannot carry SQL.
 */
public final class Sql {

    private Sql() {}

    /** A single-quoted string literal with backslash and quote escaped (ClickHouse rules). */
    public static String quote(String value) {
        if (value == null) {
            return "NULL";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    public static String number(long value) {
        return Long.toString(value);
    }

    /** A comma separated list of numbers for {@code IN (...)}; "0" for none keeps the SQL valid. */
    public static String numbers(java.util.Collection<Long> values) {
        if (values.isEmpty()) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        for (Long value : values) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(value.longValue());
        }
        return out.toString();
    }
}
