package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.custommetrics.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /v2/customMetrics/{metric}/data}: one point
 * {@code {"value", "date"?, "name"?, "weight"?}} or a JSON array of them. Numbers may arrive as
 * strings ("2", as ThreatConnect's examples send them). {@code name} is the key: required for a
 * keyed metric, refused for a non-keyed one. A Count's value is optional (it counts hits).
 * The first problem is a 400 Failure; in an array it names the point ({@code points[3]: ...}).
 */
final class MetricPointParser {

    /** The points, and whether they came as an array (the answer then is an array too). */
    record Parsed(List<MetricPoint> points, boolean batch) {}

    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");

    private MetricPointParser() {}

    static Parsed parse(JsonNode body, MetricConfig metric, long nowMillis) {
        if (body.isObject()) {
            return new Parsed(List.of(point(body, metric, nowMillis)), false);
        }
        if (!body.isArray()) {
            throw TcResponses.badRequest("The body must be a data point (a JSON object) or an array of them");
        }
        if (body.isEmpty()) {
            throw TcResponses.badRequest("The array holds no data points");
        }
        List<MetricPoint> points = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                if (!body.get(i).isObject()) {
                    throw TcResponses.badRequest("a data point must be a JSON object");
                }
                points.add(point(body.get(i), metric, nowMillis));
            } catch (ApiException e) {
                throw TcResponses.badRequest("points[" + i + "]: " + ((TcResponses.Failure) e.body()).message());
            }
        }
        return new Parsed(points, true);
    }

    private static MetricPoint point(JsonNode node, MetricConfig metric, long nowMillis) {
        JsonNode valueNode = node.path("value");
        double value;
        if (absent(valueNode)) {
            if (metric.dataType().needsValue()) {
                throw TcResponses.badRequest("value is required");
            }
            value = 0;
        } else {
            value = number(valueNode, "value");
        }
        return new MetricPoint(metric.id(), metric.dataType().label(), metric.interval().label(),
                key(node.path("name"), metric), value, weight(node.path("weight")), date(node.path("date"), nowMillis));
    }

    private static String key(JsonNode name, MetricConfig metric) {
        if (!metric.keyedValues()) {
            if (!absent(name)) {
                throw TcResponses.badRequest("The metric \"" + metric.name() + "\" is not keyed: leave out name");
            }
            return "";
        }
        if (absent(name) || name.isContainerNode() || name.asText().isBlank()) {
            throw TcResponses.badRequest("name (the key) is required for the keyed metric \"" + metric.name() + "\"");
        }
        return name.asText();
    }

    private static double weight(JsonNode node) {
        if (absent(node)) {
            return 1;
        }
        double weight = number(node, "weight");
        if (weight <= 0) {
            throw TcResponses.badRequest(
                    "Invalid weight " + TcResponses.quoted(node.asText()) + ": use a number above 0");
        }
        return weight;
    }

    private static long date(JsonNode node, long nowMillis) {
        if (absent(node)) {
            return nowMillis;
        }
        OptionalLong millis = node.isTextual() ? IsoDates.parse(node.asText()) : OptionalLong.empty();
        if (millis.isEmpty()) {
            throw TcResponses.badRequest(IsoDates.invalid("date", node.isTextual() ? node.asText() : node.toString()));
        }
        return millis.getAsLong();
    }

    /** A finite number, given as a JSON number or a decimal string. */
    private static double number(JsonNode node, String field) {
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual() && NUMBER.matcher(node.asText().strip()).matches()) {
            value = Double.parseDouble(node.asText().strip());
        } else {
            String shown = node.isTextual() ? node.asText() : node.toString();
            throw TcResponses.badRequest("Invalid " + field + " " + TcResponses.quoted(shown) + ": use a number");
        }
        if (!Double.isFinite(value)) {
            throw TcResponses.badRequest(
                    "Invalid " + field + " " + TcResponses.quoted(node.asText()) + ": use a number");
        }
        return value;
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }
}
