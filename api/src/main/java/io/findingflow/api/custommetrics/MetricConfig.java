package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.Entity;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.custommetrics.MetricDataType;
import io.findingflow.schemas.custommetrics.MetricInterval;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom metric's configuration, stored as a "custom_metric" entity; its id is the entities-log
 * position that created it, so ids are never reused (a deleted metric's data can never reappear
 * under a new metric).
 */
public record MetricConfig(
        long id, String name, MetricDataType dataType, MetricInterval interval, boolean keyedValues,
        String description) {

    static MetricConfig of(Entity entity) {
        return new MetricConfig(entity.id(), entity.text("name"),
                MetricDataType.of(entity.text("dataType")).orElseThrow(),
                MetricInterval.of(entity.text("interval")).orElseThrow(),
                entity.data().path("keyedValues").asBoolean(false), entity.text("description"));
    }

    /** The entity data of a new config (no id yet). */
    ObjectNode entityData() {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("name", name);
        data.put("dataType", dataType.label());
        data.put("interval", interval.label());
        data.put("keyedValues", keyedValues);
        if (description != null) {
            data.put("description", description);
        }
        return data;
    }

    /** ThreatConnect's customMetricConfig object, fields in the seed's order. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("name", name);
        json.put("dataType", dataType.label());
        json.put("interval", interval.label());
        json.put("keyedValues", keyedValues);
        if (description != null) {
            json.put("description", description);
        }
        return json;
    }
}
