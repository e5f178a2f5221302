package io.findingflow.jobs.custommetrics.functions;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.findingflow.jobs.custommetrics.records.MetricAggregate;
import io.findingflow.jobs.sink.ClickHouseRow;

/**
 * Renders an aggregate as a JSONEachRow line of custom_metric_values, by hand (it runs for every
 * row). The bucket goes in as epoch seconds (a number), which ClickHouse reads as an instant
 * whatever the server's time zone.
 */
final class MetricRows {

    static final String TABLE = "custom_metric_values";

    private MetricRows() {}

    /** The row of the bucket with state key {@code stateKey} ("metric|bucket|key"). */
    static ClickHouseRow row(String stateKey, MetricAggregate aggregate, double value) {
        int first = stateKey.indexOf('|');
        int second = stateKey.indexOf('|', first + 1);
        StringBuilder json = new StringBuilder(160)
                .append("{\"metric_id\":").append(stateKey, 0, first)
                .append(",\"key_name\":\"");
        JsonStringEncoder.getInstance().quoteAsString(stateKey.substring(second + 1), json);
        json.append("\",\"bucket\":").append(stateKey, first + 1, second)
                .append(",\"value\":").append(number(value))
                .append(",\"count\":").append(aggregate.count)
                .append(",\"weight_sum\":").append(number(aggregate.weightSum))
                .append(",\"version\":").append(aggregate.version)
                .append('}');
        return new ClickHouseRow(TABLE, json.toString());
    }

    /** Doubles as JSON numbers (values are finite: the API refuses others). */
    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
