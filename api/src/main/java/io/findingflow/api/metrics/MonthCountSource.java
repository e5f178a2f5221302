package io.findingflow.api.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** Where metrics/simple's per-product counts of one month come from (ClickHouse in production). */
interface MonthCountSource {

    /** Index of each counter in the arrays {@link #byProduct} returns. */
    int CRITICAL = 0;
    int HIGH = 1;
    int MEDIUM = 2;
    int LOW = 3;
    int INFO = 4;
    int CLOSED = 5;
    int SIZE = 6;

    /**
     * Per product: [critical, high, medium, low, info, closed] of the month starting at
     * {@code month}; {@code products} null means every product. Products without counts may be
     * missing.
     */
    Map<Long, long[]> byProduct(LocalDate month, Collection<Long> products);
}
