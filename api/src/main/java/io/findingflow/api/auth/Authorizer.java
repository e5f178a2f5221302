package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and do what, by DefectDojo's model: a role on a product type (inherited by its
 * products), on a product, or globally; superusers may do everything. {@link #grants} computes a
 * caller's roles once for requests that check many objects.
 */
public final class Authorizer {

    private final EntityStore store;

    public Authorizer(EntityStore store) {
        this.store = store;
    }

    public EntityStore store() {
        return store;
    }

    /** The caller's roles, snapshot of the entity view as it is now. */
    public Grants grants(Caller caller) {
        return new Grants(store, caller);
    }

    /** The caller's global role (Owner for a superuser), if any. */
    public Optional<Role> globalRole(Caller caller) {
        return caller.superuser() ? Optional.of(Role.OWNER) : Optional.ofNullable(Grants.globalRole(store, caller));
    }

    /** The caller's strongest role on a product, if any (none when the product does not exist). */
    public Optional<Role> roleOnProduct(Caller caller, long productId) {
        return grants(caller).onProduct(productId);
    }

    public Optional<Role> roleOnProductType(Caller caller, long productTypeId) {
        return grants(caller).onProductType(productTypeId);
    }

    public Set<Long> visibleProductIds(Caller caller) {
        return grants(caller).visibleProductIds();
    }

    /** Product types the caller has a role on, or that hold a product the caller may see. */
    public Set<Long> visibleProductTypeIds(Caller caller) {
        Grants grants = grants(caller);
        Set<Long> ids = new HashSet<>();
        for (Entity type : store.all(EntityKind.PRODUCT_TYPE)) {
            if (grants.canSeeProductType(type.id())) {
                ids.add(type.id());
            }
        }
        return ids;
    }
}
