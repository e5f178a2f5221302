package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Validates a {@code POST /v2/customMetrics} body, checking in field order (name, dataType,
 * interval, keyedValues, description) and failing with the first problem as a 400 Failure.
 * dataType and interval are matched ignoring case and stored in ThreatConnect's spelling.
 */
final class MetricConfigValidator {

    static final int MAX_NAME_LENGTH = 45;
    static final String DATA_TYPES = Arrays.stream(MetricDataType.values())
            .map(MetricDataType::label).collect(Collectors.joining(", "));
    static final String INTERVALS = Arrays.stream(MetricInterval.values())
            .map(MetricInterval::label).collect(Collectors.joining(", "));

    private MetricConfigValidator() {}

    /** The validated config (id 0: the entities log assigns it). */
    static MetricConfig parse(JsonNode body) {
        if (!body.isObject()) {
            throw TcResponses.badRequest("The request body must be a JSON object");
        }
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            throw TcResponses.badRequest("name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw TcResponses.badRequest("name must be 1 to " + MAX_NAME_LENGTH + " characters long");
        }
        String dataType = required(body, "dataType");
        MetricDataType type = MetricDataType.of(dataType).orElseThrow(() -> TcResponses.badRequest(
                "Invalid dataType " + TcResponses.quoted(dataType) + ": use one of " + DATA_TYPES));
        String intervalName = required(body, "interval");
        MetricInterval interval = MetricInterval.of(intervalName).orElseThrow(() -> TcResponses.badRequest(
                "Invalid interval " + TcResponses.quoted(intervalName) + ": use one of " + INTERVALS));
        JsonNode keyed = body.path("keyedValues");
        if (!keyed.isMissingNode() && !keyed.isNull() && !keyed.isBoolean()) {
            throw TcResponses.badRequest("keyedValues must be true or false");
        }
        JsonNode description = body.path("description");
        if (!description.isMissingNode() && !description.isNull() && !description.isTextual()) {
            throw TcResponses.badRequest("description must be a string");
        }
        return new MetricConfig(0, name, type, interval, keyed.asBoolean(false), text(body, "description"));
    }

    private static String required(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw TcResponses.badRequest(field + " is required");
        }
        return value;
    }

    /** A string field; other scalars become their text, objects and arrays are rejected. */
    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            throw TcResponses.badRequest(field + " must be a string");
        }
        return node.asText();
    }
}
