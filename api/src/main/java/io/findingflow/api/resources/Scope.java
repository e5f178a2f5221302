package io.findingflow.api.resources;

import io.findingflow.api.auth.Grants;
import io.findingflow.api.auth.Role;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import java.util.Optional;

/**
 * Where a resource's objects sit in DefectDojo's authorization tree, which decides the caller's
 * role on an object (no role: not visible) and, for a create, on the parent named in the body.
 */
public enum Scope {
    /** The object is a product type; creating one needs a global role (or superuser). */
    PRODUCT_TYPE(null, null, null),
    /** The object is a product, created inside the product type named by {@code prod_type}. */
    PRODUCT("prod_type", EntityKind.PRODUCT_TYPE, "Product_Type"),
    /** Belongs to the product type named by {@code product_type} (its members). */
    IN_PRODUCT_TYPE("product_type", EntityKind.PRODUCT_TYPE, "Product_Type"),
    /** Belongs to the product named by {@code product} (engagements, endpoints, product members). */
    IN_PRODUCT("product", EntityKind.PRODUCT, "Product"),
    /** Belongs to the engagement named by {@code engagement} (tests). */
    IN_ENGAGEMENT("engagement", EntityKind.ENGAGEMENT, "Engagement"),
    /** Not below any product (users, global roles): superusers manage them. */
    GLOBAL(null, null, null);

    private final String parentField;
    private final String parentKind;
    private final String parentModel;

    Scope(String parentField, String parentKind, String parentModel) {
        this.parentField = parentField;
        this.parentKind = parentKind;
        this.parentModel = parentModel;
    }

    /** The body field naming the parent, or null. */
    public String parentField() {
        return parentField;
    }

    public String parentKind() {
        return parentKind;
    }

    /** DefectDojo's model name of the parent, for 404 bodies. */
    public String parentModel() {
        return parentModel;
    }

    /** The caller's role on an existing object; empty when it is outside the caller's scope. */
    public Optional<Role> roleOn(Grants grants, Entity e) {
        switch (this) {
            case PRODUCT_TYPE:
                return grants.canSeeProductType(e.id())
                        ? Optional.of(grants.onProductType(e.id()).orElse(Role.READER)) : Optional.empty();
            case PRODUCT:
                return grants.onProduct(e.id());
            case IN_PRODUCT_TYPE: {
                long type = e.number("product_type");
                return grants.canSeeProductType(type)
                        ? Optional.of(grants.onProductType(type).orElse(Role.READER)) : Optional.empty();
            }
            case IN_PRODUCT:
                return grants.onProduct(e.number("product"));
            case IN_ENGAGEMENT:
                return grants.onEngagement(e.number("engagement"));
            default:
                return grants.superuser() ? Optional.of(Role.OWNER) : Optional.empty();
        }
    }

    /** The caller's role where a new object would go: on its parent, or globally. */
    public Optional<Role> roleOnParent(Grants grants, long parentId) {
        switch (this) {
            case PRODUCT:
            case IN_PRODUCT_TYPE:
                return grants.onProductType(parentId);
            case IN_PRODUCT:
                return grants.onProduct(parentId);
            case IN_ENGAGEMENT:
                return grants.onEngagement(parentId);
            case PRODUCT_TYPE:
                return grants.global();
            default:
                return grants.superuser() ? Optional.of(Role.OWNER) : Optional.empty();
        }
    }
}
