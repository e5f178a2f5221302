package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityWrites;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.Page;
import io.findingflow.api.http.RequestBodies;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * List, detail, create and partial update for the entity-backed resources (product types,
 * products, engagements, tests), with DefectDojo's filters, pagination and authorization: objects
 * outside the caller's scope are 404, visible but not permitted 403.
 */
public final class ResourceController {

    private final Resource resource;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final EntityWrites writes;

    private ResourceController(Resource resource, Authenticator authenticator, Authorizer authorizer,
            EntityWrites writes) {
        this.resource = resource;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.writes = writes;
    }

    public static Map<String, ResourceController> all(Authenticator authenticator, Authorizer authorizer,
            EntityWrites writes) {
        Map<String, ResourceController> controllers = new LinkedHashMap<>();
        controllers.put("product_types", new ResourceController(Resources.PRODUCT_TYPES, authenticator, authorizer, writes));
        controllers.put("products", new ResourceController(Resources.PRODUCTS, authenticator, authorizer, writes));
        controllers.put("engagements", new ResourceController(Resources.ENGAGEMENTS, authenticator, authorizer, writes));
        controllers.put("tests", new ResourceController(Resources.TESTS, authenticator, authorizer, writes));
        return controllers;
    }

    public void list(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        writes.sync();
        Map<String, String> exact = new LinkedHashMap<>();
        resource.exactFilters().forEach((param, field) -> {
            String value = ctx.queryParam(param);
            if (value != null && !value.isEmpty()) {
                exact.put(field, value);
            }
        });
        Map<String, String> contains = new LinkedHashMap<>();
        resource.containsFilters().forEach((param, field) -> {
            String value = ctx.queryParam(param);
            if (value != null && !value.isEmpty()) {
                contains.put(field, value.toLowerCase());
            }
        });
        List<Entity> matches = writes.store().list(resource.kind(), e -> visible(caller, e)
                && exact.entrySet().stream().allMatch(f -> f.getKey().equals("id")
                        ? String.valueOf(e.id()).equals(f.getValue())
                        : f.getValue().equals(e.text(f.getKey())))
                && contains.entrySet().stream().allMatch(f -> e.text(f.getKey()) != null
                        && e.text(f.getKey()).toLowerCase().contains(f.getValue())));
        Page page = Page.of(ctx);
        List<ObjectNode> results = matches.stream().skip(page.offset()).limit(page.limit()).map(this::view).toList();
        ctx.json(page.body(ctx, matches.size(), results));
    }

    public void detail(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        ctx.json(view(find(caller, ctx)));
    }

    public void create(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        ObjectNode data = (ObjectNode) RequestBodies.json(ctx).deepCopy();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String field : resource.required()) {
            if (!data.hasNonNull(field) || data.get(field).asText().isEmpty()) {
                errors.put(field, List.of("This field is required."));
            }
        }
        resource.choices().forEach((field, allowed) -> {
            if (data.hasNonNull(field) && !allowed.contains(data.get(field).asText())) {
                errors.put(field, List.of("\"" + data.get(field).asText() + "\" is not a valid choice."));
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiException(400, errors);
        }
        authorizeCreate(caller, data);
        defaults(data);
        ctx.status(201).json(view(writes.create(resource.kind(), data)));
    }

    public void update(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        Entity current = find(caller, ctx);
        Role role = roleFor(caller, current).orElseThrow(ApiException::forbidden);
        Role needed = resource.kind().equals(EntityKind.ENGAGEMENT) || resource.kind().equals(EntityKind.TEST)
                ? Role.API_IMPORTER : Role.MAINTAINER;
        if (role == Role.READER || !role.atLeast(needed)) {
            throw ApiException.forbidden();
        }
        ObjectNode changes = (ObjectNode) RequestBodies.json(ctx).deepCopy();
        changes.remove("id");
        ctx.json(view(writes.update(resource.kind(), current.id(), changes)));
    }

    private Entity find(Caller caller, Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound(resource.model());
        }
        if (writes.store().get(resource.kind(), id).isEmpty()) {
            writes.sync(); // perhaps just created through another API process
        }
        return writes.store().get(resource.kind(), id).filter(e -> visible(caller, e))
                .orElseThrow(() -> ApiException.notFound(resource.model()));
    }

    private void authorizeCreate(Caller caller, ObjectNode data) {
        Optional<Role> role;
        Role needed;
        switch (resource.kind()) {
            case EntityKind.PRODUCT_TYPE -> {
                if (caller.superuser()) {
                    return;
                }
                long global = caller.user().data().path("global_role").asLong(0);
                Role g = Role.byId(global);
                if (g == null || !g.atLeast(Role.MAINTAINER)) {
                    throw ApiException.forbidden();
                }
                return;
            }
            case EntityKind.PRODUCT -> {
                role = authorizer.roleOnProductType(caller, data.path("prod_type").asLong());
                needed = Role.MAINTAINER;
            }
            case EntityKind.ENGAGEMENT -> {
                role = authorizer.roleOnProduct(caller, data.path("product").asLong());
                needed = Role.API_IMPORTER;
            }
            default -> {
                long engagement = data.path("engagement").asLong();
                long product = writes.store().get(EntityKind.ENGAGEMENT, engagement).map(e -> e.number("product")).orElse(0L);
                role = authorizer.roleOnProduct(caller, product);
                needed = Role.WRITER;
            }
        }
        if (role.isEmpty() || role.get() == Role.READER || !role.get().atLeast(needed)) {
            throw ApiException.forbidden();
        }
    }

    private void defaults(ObjectNode data) {
        data.put("created", java.time.Instant.now().toString());
        if (resource.kind().equals(EntityKind.ENGAGEMENT)) {
            if (!data.hasNonNull("engagement_type")) {
                data.put("engagement_type", "Interactive");
            }
            if (!data.hasNonNull("status")) {
                data.put("status", "Not Started");
            }
            data.put("active", true);
        }
        if (resource.kind().equals(EntityKind.PRODUCT_TYPE) && !data.has("description")) {
            data.putNull("description");
        }
    }

    private boolean visible(Caller caller, Entity e) {
        return roleFor(caller, e).isPresent();
    }

    private Optional<Role> roleFor(Caller caller, Entity e) {
        switch (resource.kind()) {
            case EntityKind.PRODUCT_TYPE:
                return authorizer.visibleProductTypeIds(caller).contains(e.id())
                        ? Optional.of(authorizer.roleOnProductType(caller, e.id()).orElse(Role.READER)) : Optional.empty();
            case EntityKind.PRODUCT:
                return authorizer.roleOnProduct(caller, e.id());
            case EntityKind.ENGAGEMENT:
                return authorizer.roleOnProduct(caller, e.number("product"));
            default:
                return writes.store().get(EntityKind.ENGAGEMENT, e.number("engagement"))
                        .flatMap(eng -> authorizer.roleOnProduct(caller, eng.number("product")));
        }
    }

    private ObjectNode view(Entity e) {
        ObjectNode out = io.findingflow.schemas.Json.mapper().createObjectNode();
        out.put("id", e.id());
        e.data().fields().forEachRemaining(field -> {
            if (!field.getKey().startsWith("_")) {
                out.set(field.getKey(), field.getValue());
            }
        });
        if (!out.has("tags")) {
            out.putArray("tags");
        }
        return out;
    }
}
