package io.findingflow.api.members;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.resources.BodyValidator;
import io.findingflow.api.resources.Field;
import io.findingflow.api.resources.FilterSpec;
import io.findingflow.api.resources.ResourceHooks;
import io.findingflow.api.resources.ResourceSpec;
import io.findingflow.api.resources.Scope;
import io.findingflow.api.resources.WriteMode;
import java.util.List;

/**
 * {@code product_type_members} and {@code product_members}: one membership per (user, product
 * type / product), unique by the entities log's order. Anyone who sees the product (type) sees its
 * members; Maintainers manage them; only an Owner may make someone Owner; a product type keeps at
 * least one Owner when a role is changed.
 */
public final class MemberResources {

    /** The pseudo kind of role references (ids 1–5, DESIGN §3). */
    public static final String ROLE = "role";

    private MemberResources() {}

    public static ResourceSpec productTypeMembers(EntityStore store) {
        return spec("product_type_members", EntityKind.PRODUCT_TYPE_MEMBER, "Product_Type_Member",
                "product_type", EntityKind.PRODUCT_TYPE, "Product_Type", Scope.IN_PRODUCT_TYPE, store, true);
    }

    public static ResourceSpec productMembers(EntityStore store) {
        return spec("product_members", EntityKind.PRODUCT_MEMBER, "Product_Member",
                "product", EntityKind.PRODUCT, "Product", Scope.IN_PRODUCT, store, false);
    }

    private static ResourceSpec spec(String path, String kind, String model, String parentField, String parentKind,
            String parentModel, Scope scope, EntityStore store, boolean keepOneOwner) {
        return new ResourceSpec(path, kind, model,
                List.of(Field.reference(parentField, parentKind, parentModel).asRequired(),
                        Field.reference("user", EntityKind.USER, "Dojo_User").asRequired(),
                        Field.reference("role", ROLE, "Role").asRequired()),
                List.of(FilterSpec.number("id"), FilterSpec.number(parentField), FilterSpec.number("user"),
                        FilterSpec.number("role")),
                List.of("id", parentField, "user", "role"),
                scope, Role.MAINTAINER, Role.MAINTAINER, Role.MAINTAINER, false,
                hooks(kind, parentField, scope, store, keepOneOwner));
    }

    private static ResourceHooks hooks(String kind, String parentField, Scope scope, EntityStore store,
            boolean keepOneOwner) {
        return new ResourceHooks() {
            @Override
            public void check(Caller caller, Grants grants, Entity current, ObjectNode clean, WriteMode mode) {
                long role = clean.has("role") ? clean.get("role").asLong() : current.number("role");
                long parent = clean.has(parentField) ? clean.get(parentField).asLong() : current.number(parentField);
                if (role == Role.OWNER.id() && !scope.roleOnParent(grants, parent)
                        .filter(r -> r.atLeast(Role.OWNER)).isPresent()) {
                    throw ApiException.forbidden();
                }
                if (keepOneOwner && current != null && current.number("role") == Role.OWNER.id()
                        && role != Role.OWNER.id()) {
                    long otherOwners = store.list(kind, m -> m.id() != current.id()
                            && m.number(parentField) == current.number(parentField)
                            && m.number("role") == Role.OWNER.id()).size();
                    if (otherOwners < 1) {
                        throw BodyValidator.nonField("There must be at least one owner");
                    }
                }
            }
        };
    }
}
