package io.findingflow.api.entities;

/**
 * What applying one entities-log record did, identical on every API process: the entity it
 * created or touched, or the reason it was refused (e.g. a name already taken earlier in the log).
 */
public record ApplyResult(Entity entity, String field, String error, boolean created) {

    public static ApplyResult ok(Entity entity, boolean created) {
        return new ApplyResult(entity, null, null, created);
    }

    public static ApplyResult refused(String field, String error) {
        return new ApplyResult(null, field, error, false);
    }

    public boolean refused() {
        return error != null;
    }
}
