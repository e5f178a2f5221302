package io.findingflow.api.entities;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entity (user, product type, product, engagement, test, ...) as the entities log last
 * described it. {@code data} holds DefectDojo's fields for the kind; id is the Kafka offset (+1)
 * of the record that created it, so every API process assigns the same id.
 */
public record Entity(String kind, long id, ObjectNode data) {

    public String text(String field) {
        return data.path(field).isNull() || data.path(field).isMissingNode() ? null : data.path(field).asText();
    }

    public long number(String field) {
        return data.path(field).asLong(0);
    }
}
