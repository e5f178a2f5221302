package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;

import java.util.EnumMap;
import java.util.Map;

/**
 * The authorization matrix's world, built through the API by the admin: product type A with a
 * product, engagement, test and endpoint (in scope), product type B with the same (outside
 * everybody's scope), and one user per role — Reader, API_Importer, Writer, Maintainer and Owner
 * as members of A, a user without any role, a global Reader and a superuser — each with a token.
 */
final class RoleFixture {

    /** The callers of the matrix, DESIGN §3's role ids where they have one. */
    enum Who {
        READER(5), API_IMPORTER(1), WRITER(2), MAINTAINER(3), OWNER(4), NONE(0), GLOBAL_READER(0), SUPERUSER(0);

        final int roleId;

        Who(int roleId) {
            this.roleId = roleId;
        }

        boolean member() {
            return roleId > 0;
        }
    }

    final DojoApiTestSupport api;
    final Map<Who, String> tokens = new EnumMap<>(Who.class);
    final Map<Who, Long> userIds = new EnumMap<>(Who.class);
    final long typeA;
    final long productA;
    final long engagementA;
    final long testA;
    final long endpointA;
    final long typeB;
    final long productB;
    final long engagementB;
    final long testB;
    final long endpointB;

    RoleFixture(DojoApiTestSupport api) throws Exception {
        this.api = api;
        typeA = api.productType("Matrix A");
        productA = api.product("Matrix A app", typeA);
        engagementA = api.engagement("Matrix A review", productA);
        testA = api.test(engagementA);
        endpointA = api.endpoint("a-" + api.run + ".example.com", productA);
        typeB = api.productType("Matrix B");
        productB = api.product("Matrix B app", typeB);
        engagementB = api.engagement("Matrix B review", productB);
        testB = api.test(engagementB);
        endpointB = api.endpoint("b-" + api.run + ".example.com", productB);
        for (Who who : Who.values()) {
            String name = who.name().toLowerCase().replace('_', '-');
            long id = who == Who.SUPERUSER
                    ? api.createId("users", json("username", api.username(name), "password", DojoApiTestSupport.PASSWORD,
                            "is_superuser", true))
                    : api.user(name);
            userIds.put(who, id);
            if (who.member()) {
                api.create("product_type_members", json("product_type", typeA, "user", id, "role", who.roleId));
            }
            if (who == Who.GLOBAL_READER) {
                api.create("global_roles", json("user", id, "role", 5));
            }
            tokens.put(who, DojoApiTestSupport.login(api.username(name)));
        }
    }

    String token(Who who) {
        return tokens.get(who);
    }

    /** A product type where {@code who} has its role, for a delete it may do. */
    long ownTypeFor(Who who) throws Exception {
        long type = api.productType("Matrix own " + who + " " + System.nanoTime());
        if (who.member()) {
            api.create("product_type_members", json("product_type", type, "user", userIds.get(who), "role", who.roleId));
        }
        return type;
    }
}
