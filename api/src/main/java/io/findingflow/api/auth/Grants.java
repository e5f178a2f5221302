package io.findingflow.api.auth;

import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One caller's roles, computed once from the entity view (one pass over the memberships), so a
 * request that checks many objects does not rescan the members for each. A product inherits the
 * role on its product type; a global role applies everywhere; a superuser is Owner of everything.
 * Objects whose parent is gone (deleted) have no role for anybody.
 */
public final class Grants {

    private final EntityStore store;
    private final boolean superuser;
    private final Role global;
    private final Map<Long, Role> onProductType = new HashMap<>();
    private final Map<Long, Role> onProduct = new HashMap<>();

    Grants(EntityStore store, Caller caller) {
        this.store = store;
        this.superuser = caller.superuser();
        this.global = globalRole(store, caller);
        for (Entity m : store.all(EntityKind.PRODUCT_TYPE_MEMBER)) {
            if (m.number("user") == caller.id()) {
                onProductType.merge(m.number("product_type"), roleOf(m), Grants::stronger);
            }
        }
        for (Entity m : store.all(EntityKind.PRODUCT_MEMBER)) {
            if (m.number("user") == caller.id()) {
                onProduct.merge(m.number("product"), roleOf(m), Grants::stronger);
            }
        }
    }

    /** The caller's global role: a global_role entity, or (bootstrap data) the user's own field. */
    static Role globalRole(EntityStore store, Caller caller) {
        Role best = Role.byId(caller.user().data().path("global_role").asLong(0));
        for (Entity g : store.all(EntityKind.GLOBAL_ROLE)) {
            if (g.number("user") == caller.id()) {
                best = stronger(best, Role.byId(g.number("role")));
            }
        }
        return best;
    }

    public boolean superuser() {
        return superuser;
    }

    public Optional<Role> global() {
        return Optional.ofNullable(superuser ? Role.OWNER : global);
    }

    public Optional<Role> onProductType(long productTypeId) {
        if (store.get(EntityKind.PRODUCT_TYPE, productTypeId).isEmpty()) {
            return Optional.empty();
        }
        if (superuser) {
            return Optional.of(Role.OWNER);
        }
        return Optional.ofNullable(stronger(global, onProductType.get(productTypeId)));
    }

    public Optional<Role> onProduct(long productId) {
        Optional<Entity> product = store.get(EntityKind.PRODUCT, productId);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        long productType = product.get().number("prod_type");
        if (store.get(EntityKind.PRODUCT_TYPE, productType).isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(stronger(onProductType(productType).orElse(null), onProduct.get(productId)));
    }

    public Optional<Role> onEngagement(long engagementId) {
        return store.get(EntityKind.ENGAGEMENT, engagementId).flatMap(e -> onProduct(e.number("product")));
    }

    /** Product types the caller has a role on, or that hold a product the caller may see (as Reader). */
    public boolean canSeeProductType(long productTypeId) {
        if (onProductType(productTypeId).isPresent()) {
            return true;
        }
        for (long productId : onProduct.keySet()) {
            Optional<Entity> product = store.get(EntityKind.PRODUCT, productId);
            if (product.isPresent() && product.get().number("prod_type") == productTypeId) {
                return true;
            }
        }
        return false;
    }

    public Set<Long> visibleProductIds() {
        Set<Long> ids = new HashSet<>();
        for (Entity product : store.all(EntityKind.PRODUCT)) {
            if (onProduct(product.id()).isPresent()) {
                ids.add(product.id());
            }
        }
        return ids;
    }

    private static Role roleOf(Entity member) {
        Role role = Role.byId(member.number("role"));
        return role == null ? Role.READER : role;
    }

    static Role stronger(Role a, Role b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.atLeast(b) ? a : b;
    }
}
