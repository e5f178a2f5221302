package io.findingflow.jobs.custommetrics.functions;

import io.findingflow.jobs.custommetrics.records.MetricAggregate;
import io.findingflow.schemas.custommetrics.MetricDataType;

/**
 * The aggregation rules of DESIGN §6, as plain functions. Points arrive in Kafka order (one
 * metric's points share a partition), so "arrival" breaks ties between equal dates: First keeps
 * the earliest date and, among equals, the point that came first; Last takes the latest date and,
 * among equals, the point that came last.
 */
public final class MetricAggregator {

    private MetricAggregator() {}

    /** Adds one point to {@code current} (null for an empty bucket) and returns the result. */
    public static MetricAggregate add(MetricAggregate current, double value, double weight, long date) {
        MetricAggregate a = current;
        if (a == null) {
            a = new MetricAggregate();
            a.min = value;
            a.max = value;
            a.firstDate = date;
            a.firstValue = value;
            a.lastDate = date;
            a.lastValue = value;
        }
        a.count++;
        a.sum += value;
        a.min = Math.min(a.min, value);
        a.max = Math.max(a.max, value);
        a.weightedSum += value * weight;
        a.weightSum += weight;
        if (date < a.firstDate) {
            a.firstDate = date;
            a.firstValue = value;
        }
        if (date >= a.lastDate) {
            a.lastDate = date;
            a.lastValue = value;
        }
        return a;
    }

    /** The bucket's value for a data type. */
    public static double value(MetricAggregate a, MetricDataType type) {
        return switch (type) {
            case SUM -> a.sum;
            case COUNT -> a.count;
            case MIN -> a.min;
            case MAX -> a.max;
            case FIRST -> a.firstValue;
            case LAST -> a.lastValue;
            case AVERAGE -> a.weightSum == 0 ? 0 : a.weightedSum / a.weightSum;
        };
    }
}
