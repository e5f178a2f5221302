package io.findingflow.api.users;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.resources.ResourceController;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;

/**
 * {@code GET /api/v2/user_profile/}: the caller as DefectDojo's UserProfileSerializer shows them —
 * user, contact info, global role, group / product type / product memberships.
 */
public final class UserProfileController {

    private final Authenticator authenticator;
    private final EntityStore store;
    private final ResourceController users;
    private final ResourceController globalRoles;
    private final ResourceController productTypeMembers;
    private final ResourceController productMembers;

    public UserProfileController(Authenticator authenticator, EntityStore store, ResourceController users,
            ResourceController globalRoles, ResourceController productTypeMembers, ResourceController productMembers) {
        this.authenticator = authenticator;
        this.store = store;
        this.users = users;
        this.globalRoles = globalRoles;
        this.productTypeMembers = productTypeMembers;
        this.productMembers = productMembers;
    }

    public void get(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        long id = caller.id();
        ObjectNode profile = Json.mapper().createObjectNode();
        profile.set("user", users.view(store.get(EntityKind.USER, id).orElse(caller.user())));
        profile.putNull("user_contact_info");
        profile.set("global_role", store.list(EntityKind.GLOBAL_ROLE, g -> g.number("user") == id).stream()
                .findFirst().<com.fasterxml.jackson.databind.JsonNode>map(globalRoles::view)
                .orElse(Json.mapper().nullNode()));
        profile.putArray("dojo_group_member");
        ArrayNode typeMembers = profile.putArray("product_type_member");
        store.list(EntityKind.PRODUCT_TYPE_MEMBER, m -> m.number("user") == id)
                .forEach(m -> typeMembers.add(productTypeMembers.view(m)));
        ArrayNode members = profile.putArray("product_member");
        store.list(EntityKind.PRODUCT_MEMBER, m -> m.number("user") == id)
                .forEach(m -> members.add(productMembers.view(m)));
        ctx.json(profile);
    }
}
