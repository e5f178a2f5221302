package io.findingflow.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DefectDojo's {@code o=} parameter as a ClickHouse ORDER BY: comma separated field names, "-" for
 * descending, each mapped to a whitelisted SQL expression (so nothing from the request reaches the
 * SQL), then a unique tie breaker so pages never overlap. An unknown field is django-filter's 400.
 * Empty values (NULL) sort as PostgreSQL, DefectDojo's database, sorts them: last ascending, first
 * descending (ClickHouse puts them last both ways unless told).
 */
public final class SqlOrdering {

    private SqlOrdering() {}

    /** @param o the parameter, or null for {@code fallback} */
    public static String of(String o, Map<String, String> columns, String tieBreaker, String fallback) {
        if (o == null) {
            return fallback;
        }
        List<String> parts = new ArrayList<>();
        for (String term : o.split(",")) {
            boolean descending = term.startsWith("-");
            String column = columns.get(descending ? term.substring(1) : term);
            if (column == null) {
                throw ApiException.field("o", "Select a valid choice. " + term + " is not one of the available choices.");
            }
            parts.add(column + (descending ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
        }
        parts.add(tieBreaker);
        return String.join(", ", parts);
    }
}
