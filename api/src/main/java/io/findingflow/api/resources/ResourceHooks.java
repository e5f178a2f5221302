package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import java.util.Optional;

/**
 * What one resource adds to the generic entity controller: its own visibility, rules a
 * serializer's {@code validate()} would check, defaults, computed fields and follow-up writes.
 * Every method has a no-op default.
 */
public interface ResourceHooks {

    ResourceHooks NONE = new ResourceHooks() {};

    /** The caller's role on an object (empty: outside the caller's scope); defaults to the scope's. */
    default Optional<Role> roleOn(Scope scope, Caller caller, Grants grants, Entity e) {
        return scope.roleOn(grants, e);
    }

    /**
     * Rules beyond single fields, run after field validation, before writing. {@code current} is
     * null on create; {@code clean} holds the validated values that will be written.
     */
    default void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {}

    /** Fills server-side values into what will be written (password hashes, defaults). */
    default void prepare(Caller caller, Entity current, ObjectNode clean) {}

    /** Rules for a delete, after the role check. */
    default void checkDelete(Caller caller, Entity e) {}

    /** Runs after an object was created (DefectDojo makes the creator Owner of a new product). */
    default void afterCreate(Caller caller, Entity created) {}

    /** Runs after an object (and what the log cascades from it) was deleted. */
    default void afterDelete(Caller caller, Entity deleted) {}

    /** A field's value for filters and ordering when it is not stored on the entity; null if none. */
    default JsonNode derived(Entity e, String field) {
        return null;
    }

    /** Adds computed fields to the JSON view. */
    default void decorate(Entity e, ObjectNode view) {}

    /**
     * Adds computed fields that need a query, for all the objects of one answer at once (a page of a
     * list, or the one object of a detail); {@code views} are in {@code entities}' order.
     */
    default void decorateAll(java.util.List<Entity> entities, java.util.List<ObjectNode> views) {}
}
