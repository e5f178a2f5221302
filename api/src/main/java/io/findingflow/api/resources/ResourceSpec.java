package io.findingflow.api.resources;

import io.findingflow.api.auth.Role;
import java.util.List;

/**
 * One DefectDojo resource backed by an entity kind: URL name, model name (404 bodies), fields,
 * filters, orderings, where it sits for authorization, the roles each write needs and its hooks.
 *
 * @param superuserOnly every request by a non-superuser is 403 (DefectDojo's IsSuperUser)
 */
public record ResourceSpec(
        String path,
        String kind,
        String model,
        List<Field> fields,
        List<FilterSpec> filters,
        List<String> orderings,
        Scope scope,
        Role createRole,
        Role editRole,
        Role deleteRole,
        boolean superuserOnly,
        ResourceHooks hooks) {

    public ResourceSpec withHooks(ResourceHooks newHooks) {
        return new ResourceSpec(path, kind, model, fields, filters, orderings, scope, createRole, editRole,
                deleteRole, superuserOnly, newHooks);
    }

    public Field field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
