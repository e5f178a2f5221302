package io.findingflow.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Roles by membership, inheritance, global role and superuser; deleted parents take roles away. */
class GrantsTest {

    private final EntityStore store = new EntityStore();
    private long offset;

    private long write(String kind, String op, Long id, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", kind).put("op", op);
        if (id != null) {
            record.put("id", id);
        }
        record.set("data", data);
        return store.apply(offset++, record).entity().id();
    }

    private long create(String kind, ObjectNode data) {
        return write(kind, "create", null, data);
    }

    private static ObjectNode data() {
        return Json.mapper().createObjectNode();
    }

    private Caller user(String name, boolean superuser) {
        long id = create(EntityKind.USER, data().put("username", name).put("is_superuser", superuser));
        return new Caller(store.get(EntityKind.USER, id).orElseThrow());
    }

    @Test
    void shouldInheritTheStrongerOfProductTypeAndProductRoles() {
        long type = create(EntityKind.PRODUCT_TYPE, data().put("name", "T"));
        long product = create(EntityKind.PRODUCT, data().put("name", "P").put("prod_type", type));
        long other = create(EntityKind.PRODUCT, data().put("name", "Q").put("prod_type", type));
        Caller alice = user("alice", false);
        create(EntityKind.PRODUCT_TYPE_MEMBER, data().put("product_type", type).put("user", alice.id()).put("role", 5));
        create(EntityKind.PRODUCT_MEMBER, data().put("product", product).put("user", alice.id()).put("role", 2));
        Grants grants = new Authorizer(store).grants(alice);
        assertThat(grants.onProduct(product)).contains(Role.WRITER);
        assertThat(grants.onProduct(other)).contains(Role.READER);
        assertThat(grants.onProductType(type)).contains(Role.READER);
        assertThat(grants.visibleProductIds()).containsExactlyInAnyOrder(product, other);
    }

    @Test
    void shouldSeeATypeThroughAProductButHoldNoRoleOnIt() {
        long type = create(EntityKind.PRODUCT_TYPE, data().put("name", "T"));
        long product = create(EntityKind.PRODUCT, data().put("name", "P").put("prod_type", type));
        Caller bob = user("bob", false);
        create(EntityKind.PRODUCT_MEMBER, data().put("product", product).put("user", bob.id()).put("role", 4));
        Grants grants = new Authorizer(store).grants(bob);
        assertThat(grants.canSeeProductType(type)).isTrue();
        assertThat(grants.onProductType(type)).isEmpty();
    }

    @Test
    void shouldApplyGlobalRolesAndSuperusersEverywhere() {
        long type = create(EntityKind.PRODUCT_TYPE, data().put("name", "T"));
        long product = create(EntityKind.PRODUCT, data().put("name", "P").put("prod_type", type));
        Caller carol = user("carol", false);
        create(EntityKind.GLOBAL_ROLE, data().put("user", carol.id()).put("role", 5));
        assertThat(new Authorizer(store).roleOnProduct(carol, product)).contains(Role.READER);
        assertThat(new Authorizer(store).roleOnProduct(user("root", true), product)).contains(Role.OWNER);
        assertThat(new Authorizer(store).roleOnProduct(user("nobody", false), product)).isEmpty();
    }

    @Test
    void shouldLoseEverythingBelowADeletedProductType() {
        long type = create(EntityKind.PRODUCT_TYPE, data().put("name", "T"));
        long product = create(EntityKind.PRODUCT, data().put("name", "P").put("prod_type", type));
        long engagement = create(EntityKind.ENGAGEMENT, data().put("name", "E").put("product", product));
        Caller root = user("root", true);
        write(EntityKind.PRODUCT_TYPE, "delete", type, data());
        assertThat(store.get(EntityKind.PRODUCT, product)).isEmpty();
        assertThat(store.get(EntityKind.ENGAGEMENT, engagement)).isEmpty();
        assertThat(new Authorizer(store).grants(root).onProduct(product)).isEqualTo(Optional.empty());
    }
}
