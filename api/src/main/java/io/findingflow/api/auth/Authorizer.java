package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and do what, by DefectDojo's model: a role on a product type (inherited by its
 * products), on a product, or globally; superusers may do everything.
 */
public final class Authorizer {

    private final EntityStore store;

    public Authorizer(EntityStore store) {
        this.store = store;
    }

    /** The caller's strongest role on a product, if any. */
    public Optional<Role> roleOnProduct(Caller caller, long productId) {
        if (caller.superuser()) {
            return Optional.of(Role.OWNER);
        }
        Role best = globalRole(caller);
        Optional<Entity> product = store.get(EntityKind.PRODUCT, productId);
        if (product.isEmpty()) {
            return Optional.ofNullable(best);
        }
        for (Entity m : store.all(EntityKind.PRODUCT_MEMBER)) {
            if (m.number("user") == caller.id() && m.number("product") == productId) {
                best = stronger(best, Role.byId(m.number("role")));
            }
        }
        Role onType = roleOnProductType(caller, product.get().number("prod_type")).orElse(null);
        return Optional.ofNullable(stronger(best, onType));
    }

    public Optional<Role> roleOnProductType(Caller caller, long productTypeId) {
        if (caller.superuser()) {
            return Optional.of(Role.OWNER);
        }
        Role best = globalRole(caller);
        for (Entity m : store.all(EntityKind.PRODUCT_TYPE_MEMBER)) {
            if (m.number("user") == caller.id() && m.number("product_type") == productTypeId) {
                best = stronger(best, Role.byId(m.number("role")));
            }
        }
        return Optional.ofNullable(best);
    }

    public Set<Long> visibleProductIds(Caller caller) {
        Set<Long> ids = new HashSet<>();
        for (Entity product : store.all(EntityKind.PRODUCT)) {
            if (roleOnProduct(caller, product.id()).isPresent()) {
                ids.add(product.id());
            }
        }
        return ids;
    }

    /** Product types the caller has a role on, or that hold a product the caller may see. */
    public Set<Long> visibleProductTypeIds(Caller caller) {
        Set<Long> ids = new HashSet<>();
        for (Entity type : store.all(EntityKind.PRODUCT_TYPE)) {
            if (roleOnProductType(caller, type.id()).isPresent()) {
                ids.add(type.id());
            }
        }
        for (Long productId : visibleProductIds(caller)) {
            store.get(EntityKind.PRODUCT, productId).ifPresent(p -> ids.add(p.number("prod_type")));
        }
        return ids;
    }

    private Role globalRole(Caller caller) {
        long id = caller.user().data().path("global_role").asLong(0);
        return id == 0 ? null : Role.byId(id);
    }

    private static Role stronger(Role a, Role b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.atLeast(b) ? a : b;
    }
}
