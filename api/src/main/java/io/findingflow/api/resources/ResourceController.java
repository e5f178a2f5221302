package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.Page;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * List, detail, create, PUT, PATCH and DELETE for one entity-backed DefectDojo resource, driven by
 * its {@link ResourceSpec}. Authorization as DefectDojo: objects outside the caller's scope are
 * 404, visible but not permitted 403, lists hold only what the caller may see; a create names its
 * parent, which must exist (404) and grant the create role (403) before the body is validated.
 */
public final class ResourceController {

    private final ResourceSpec spec;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final EntityWrites writes;
    private final BodyValidator.References references;

    public ResourceController(ResourceSpec spec, Authenticator authenticator, Authorizer authorizer,
            EntityWrites writes, BodyValidator.References references) {
        this.spec = spec;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.writes = writes;
        this.references = references;
    }

    public ResourceSpec spec() {
        return spec;
    }

    public void list(Context ctx) {
        Caller caller = caller(ctx);
        writes.sync();
        Grants grants = authorizer.grants(caller);
        ListQuery query = ListQuery.of(ctx, spec.filters(), spec.orderings(), this::valueOf);
        List<Entity> matches = writes.store().list(spec.kind(), e -> query.matches(e) && role(caller, grants, e).isPresent());
        matches.sort(query.order());
        Page page = Page.of(ctx);
        List<ObjectNode> results = views(matches.stream().skip(page.offset()).limit(page.limit()).toList());
        ctx.json(page.body(ctx, matches.size(), results));
    }

    public void detail(Context ctx) {
        Caller caller = caller(ctx);
        ctx.json(view(find(caller, authorizer.grants(caller), ctx).entity()));
    }

    public void create(Context ctx) {
        Caller caller = caller(ctx);
        JsonNode body = RequestBody.read(ctx, spec.fields());
        Grants grants = authorizeCreate(caller, body);
        ObjectNode clean = BodyValidator.validate(spec.fields(), body, WriteMode.CREATE, references);
        spec.hooks().check(caller, grants, null, clean, WriteMode.CREATE);
        String now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
        if (spec.field("created") != null) {
            clean.put("created", now);
        }
        if (spec.field("updated") != null) {
            clean.put("updated", now);
        }
        spec.hooks().prepare(caller, null, clean);
        Entity created = writes.create(spec.kind(), clean);
        spec.hooks().afterCreate(caller, created);
        ctx.status(201).json(view(created));
    }

    public void put(Context ctx) {
        update(ctx, WriteMode.PUT);
    }

    public void patch(Context ctx) {
        update(ctx, WriteMode.PATCH);
    }

    private void update(Context ctx, WriteMode mode) {
        Caller caller = caller(ctx);
        Grants grants = authorizer.grants(caller);
        Found found = find(caller, grants, ctx);
        if (!found.role().atLeast(spec.editRole())) {
            throw ApiException.forbidden();
        }
        JsonNode body = RequestBody.read(ctx, spec.fields());
        ObjectNode clean = BodyValidator.validate(spec.fields(), body, mode, references);
        String parentField = spec.scope().parentField();
        if (parentField != null && clean.hasNonNull(parentField)
                && clean.get(parentField).asLong() != found.entity().number(parentField)
                && !spec.scope().roleOnParent(grants, clean.get(parentField).asLong())
                        .filter(r -> r.atLeast(spec.createRole())).isPresent()) {
            throw ApiException.forbidden();
        }
        spec.hooks().check(caller, grants, found.entity(), clean, mode);
        if (spec.field("updated") != null) {
            clean.put("updated", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        }
        spec.hooks().prepare(caller, found.entity(), clean);
        ctx.json(view(writes.update(spec.kind(), found.entity().id(), clean)));
    }

    public void delete(Context ctx) {
        Caller caller = caller(ctx);
        Found found = find(caller, authorizer.grants(caller), ctx);
        if (!found.role().atLeast(spec.deleteRole())) {
            throw ApiException.forbidden();
        }
        spec.hooks().checkDelete(caller, found.entity());
        writes.delete(spec.kind(), found.entity().id());
        spec.hooks().afterDelete(caller, found.entity());
        ctx.status(204);
    }

    /** The JSON view: id, then the readable fields in the serializer's order, then computed ones. */
    public ObjectNode view(Entity e) {
        return views(List.of(e)).get(0);
    }

    private List<ObjectNode> views(List<Entity> entities) {
        List<ObjectNode> views = entities.stream().map(this::fieldsOf).toList();
        spec.hooks().decorateAll(entities, views);
        return views;
    }

    private ObjectNode fieldsOf(Entity e) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", e.id());
        for (Field field : spec.fields()) {
            if (field.writeOnly()) {
                continue;
            }
            JsonNode value = stored(e, field);
            if (value == null || value.isMissingNode()) {
                value = field.type() == FieldType.TAGS || field.type() == FieldType.ID_LIST
                        ? Json.mapper().createArrayNode() : Json.mapper().nullNode();
            }
            out.set(field.name(), value);
        }
        spec.hooks().decorate(e, out);
        return out;
    }

    /** The caller's role on an object, if visible. */
    public Optional<Role> role(Caller caller, Grants grants, Entity e) {
        return spec.hooks().roleOn(spec.scope(), caller, grants, e);
    }

    private Caller caller(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        if (spec.superuserOnly() && !caller.superuser()) {
            throw ApiException.forbidden();
        }
        return caller;
    }

    private JsonNode valueOf(Entity e, String field) {
        if (field.equals("id")) {
            return ListQuery.id(e);
        }
        JsonNode derived = spec.hooks().derived(e, field);
        if (derived != null) {
            return derived;
        }
        Field spec = this.spec.field(field);
        return spec == null ? e.data().get(field) : stored(e, spec);
    }

    /**
     * A field's stored value, or its default when the object was written without it (objects that
     * import-scan's auto_create_context made hold only what the import knew), as DefectDojo's
     * model defaults would have filled it.
     */
    private static JsonNode stored(Entity e, Field field) {
        JsonNode value = e.data().get(field.name());
        return value == null && field.defaultValue() != null ? field.defaultValue() : value;
    }

    private record Found(Entity entity, Role role) {}

    private Found find(Caller caller, Grants grants, Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(spec.model());
        }
        if (writes.store().get(spec.kind(), id).isEmpty()) {
            writes.sync(); // perhaps just created through another API process
        }
        Entity entity = writes.store().get(spec.kind(), id).orElseThrow(() -> ApiException.notFound(spec.model()));
        Role role = role(caller, grants, entity).orElseThrow(() -> ApiException.notFound(spec.model()));
        return new Found(entity, role);
    }

    /**
     * DefectDojo's check_post_permission: the parent named in the body must be given (400), exist
     * (404) and grant the create role (403). A product type needs a global role.
     */
    private Grants authorizeCreate(Caller caller, JsonNode body) {
        Scope scope = spec.scope();
        if (scope.parentField() == null) {
            Grants grants = authorizer.grants(caller);
            if (!scope.roleOnParent(grants, 0).filter(r -> r.atLeast(spec.createRole())).isPresent()) {
                throw ApiException.forbidden();
            }
            return grants;
        }
        JsonNode parent = body.get(scope.parentField());
        if (parent == null || parent.isNull() || parent.asText().isEmpty()) {
            throw new ApiException(400, Map.of("detail",
                    "Unable to check for permissions: Attribute '" + scope.parentField() + "' is required"));
        }
        long parentId;
        try {
            parentId = FieldValues.integer(parent, "");
        } catch (FieldValues.Invalid e) {
            return authorizer.grants(caller); // not an id: field validation names the problem
        }
        if (writes.store().get(scope.parentKind(), parentId).isEmpty()) {
            writes.sync(); // perhaps just created through another API process
            if (writes.store().get(scope.parentKind(), parentId).isEmpty()) {
                throw ApiException.notFound(scope.parentModel());
            }
        }
        Grants grants = authorizer.grants(caller);
        if (!scope.roleOnParent(grants, parentId).filter(r -> r.atLeast(spec.createRole())).isPresent()) {
            throw ApiException.forbidden();
        }
        return grants;
    }
}
