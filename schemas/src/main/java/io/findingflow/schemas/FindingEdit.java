package io.findingflow.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A single finding change made by a person (PATCH/PUT/DELETE /api/v2/findings/{id}/), validated by
 * the API. {@code changes} holds DefectDojo field names with their new values; {@code delete}
 * removes the finding.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record FindingEdit(long findingId, JsonNode changes, boolean delete, long userId, String at) {}
