package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.infra.dojo.RoleFixture.Who;
import io.findingflow.schemas.testing.StackClient;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §3's role table over HTTP for product types, products, engagements, tests and endpoints:
 * each caller (Reader, API_Importer, Writer, Maintainer, Owner, no role, global Reader, superuser)
 * × each method, statuses asserted; lists hold exactly what the caller may see. Expected statuses
 * are given in {@link Who} order: R, I, W, M, O, none, global Reader, superuser.
 */
class AuthorizationMatrixIT {

    interface Throwaway {
        long create(Who who) throws Exception;
    }

    interface Body {
        String of(Who who) throws Exception;
    }

    private static DojoApiTestSupport api;
    private static RoleFixture f;

    @BeforeAll
    static void buildTheWorld() throws Exception {
        api = new DojoApiTestSupport();
        f = new RoleFixture(api);
    }

    @Test
    void listsAndDetailsShowExactlyTheCallersScope() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        List<String> resources = List.of("product_types", "products", "engagements", "tests", "endpoints");
        long[] inScope = {f.typeA, f.productA, f.engagementA, f.testA, f.endpointA};
        long[] outside = {f.typeB, f.productB, f.engagementB, f.testB, f.endpointB};
        for (Who who : Who.values()) {
            boolean seesA = who != Who.NONE;
            boolean seesB = who == Who.GLOBAL_READER || who == Who.SUPERUSER;
            for (int i = 0; i < resources.size(); i++) {
                String base = "/api/v2/" + resources.get(i) + "/";
                StackClient.Response a = api.get(base + "?id=" + inScope[i], f.token(who));
                soft.assertThat(a.json().path("count").asInt()).as("%s lists %s A", who, resources.get(i)).isEqualTo(seesA ? 1 : 0);
                StackClient.Response b = api.get(base + "?id=" + outside[i], f.token(who));
                soft.assertThat(b.json().path("count").asInt()).as("%s lists %s B", who, resources.get(i)).isEqualTo(seesB ? 1 : 0);
                soft.assertThat(api.get(base + inScope[i] + "/", f.token(who)).status()).as("%s GET %s A", who, base)
                        .isEqualTo(seesA ? 200 : 404);
                soft.assertThat(api.get(base + outside[i] + "/", f.token(who)).status()).as("%s GET %s B", who, base)
                        .isEqualTo(seesB ? 200 : 404);
            }
        }
        soft.assertAll();
    }

    @Test
    void productTypes() throws Exception {
        String name = "Matrix A " + api.run;
        matrix("product_types", f.typeA,
                who -> json("name", "New type " + who + " " + api.run),
                new int[] {403, 403, 403, 403, 403, 403, 403, 201},
                json("description", "patched"), json("name", name, "description", "put"),
                new int[] {403, 403, 403, 200, 200, 404, 403, 200},
                new int[] {403, 403, 403, 403, 204, 404, 403, 204},
                who -> f.ownTypeFor(who));
    }

    @Test
    void aGlobalOwnerMayAddProductTypes() throws Exception {
        long user = api.user("global-owner");
        api.create("global_roles", json("user", user, "role", 4));
        String token = DojoApiTestSupport.login(api.username("global-owner"));
        StackClient.Response created = api.call("POST", "/api/v2/product_types/", token, json("name", "Global " + api.run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("members").get(0).asLong()).as("the creator becomes its Owner").isEqualTo(user);
    }

    @Test
    void products() throws Exception {
        String name = "Matrix A app " + api.run;
        matrix("products", f.productA,
                who -> json("name", "New product " + who + " " + api.run, "prod_type", f.typeA),
                new int[] {403, 403, 403, 201, 201, 403, 403, 201},
                json("description", "patched"), json("name", name, "description", "put", "prod_type", f.typeA),
                new int[] {403, 403, 403, 200, 200, 404, 403, 200},
                new int[] {403, 403, 403, 403, 204, 404, 403, 204},
                who -> api.product("Doomed " + who + " " + System.nanoTime(), f.typeA));
    }

    @Test
    void engagements() throws Exception {
        matrix("engagements", f.engagementA,
                who -> json("name", "By " + who, "product", f.productA, "target_start", "2024-01-01",
                        "target_end", "2024-02-01"),
                new int[] {403, 201, 201, 201, 201, 403, 403, 201},
                json("status", "In Progress"),
                json("name", "Matrix A review", "product", f.productA, "target_start", "2024-01-01",
                        "target_end", "2024-03-31"),
                new int[] {403, 200, 200, 200, 200, 404, 403, 200},
                new int[] {403, 403, 403, 204, 204, 404, 403, 204},
                who -> api.engagement("Doomed " + who, f.productA));
    }

    @Test
    void tests() throws Exception {
        matrix("tests", f.testA,
                who -> json("engagement", f.engagementA, "test_type", 1, "target_start", "2024-01-15",
                        "target_end", "2024-01-16", "title", "By " + who),
                new int[] {403, 403, 201, 201, 201, 403, 403, 201},
                json("title", "patched"),
                json("engagement", f.engagementA, "test_type", 1, "target_start", "2024-01-15", "target_end", "2024-01-15"),
                new int[] {403, 200, 200, 200, 200, 404, 403, 200},
                new int[] {403, 403, 403, 204, 204, 404, 403, 204},
                who -> api.test(f.engagementA));
    }

    @Test
    void endpoints() throws Exception {
        String host = "a-" + api.run + ".example.com";
        matrix("endpoints", f.endpointA,
                who -> json("host", who.name().toLowerCase().replace('_', '-') + "-" + api.run + ".example.com",
                        "product", f.productA),
                new int[] {403, 403, 201, 201, 201, 403, 403, 201},
                json("path", "/patched"), json("host", host, "protocol", "https", "port", 443, "product", f.productA),
                new int[] {403, 403, 200, 200, 200, 404, 403, 200},
                new int[] {403, 403, 403, 204, 204, 404, 403, 204},
                who -> api.endpoint("doomed-" + System.nanoTime() + ".example.com", f.productA));
    }

    /**
     * POST (a new object), PATCH and PUT (the fixture's object; PUT expects what PATCH does) and
     * DELETE (a throwaway object where the delete is allowed, the fixture's object otherwise, which
     * must survive) for every caller.
     */
    private void matrix(String resource, long target, Body post, int[] postStatus, String patch, String put,
            int[] editStatus, int[] deleteStatus, Throwaway throwaway) throws Exception {
        SoftAssertions soft = new SoftAssertions();
        String base = "/api/v2/" + resource + "/";
        Who[] all = Who.values();
        for (int i = 0; i < all.length; i++) {
            Who who = all[i];
            String token = f.token(who);
            StackClient.Response created = api.call("POST", base, token, post.of(who));
            soft.assertThat(created.status()).as("%s POST %s: %s", who, resource, created.body()).isEqualTo(postStatus[i]);
            StackClient.Response patched = api.call("PATCH", base + target + "/", token, patch);
            soft.assertThat(patched.status()).as("%s PATCH %s: %s", who, resource, patched.body()).isEqualTo(editStatus[i]);
            StackClient.Response replaced = api.call("PUT", base + target + "/", token, put);
            soft.assertThat(replaced.status()).as("%s PUT %s: %s", who, resource, replaced.body()).isEqualTo(editStatus[i]);
            long doomed = deleteStatus[i] == 204 ? throwaway.create(who) : target;
            StackClient.Response deleted = api.call("DELETE", base + doomed + "/", token, null);
            soft.assertThat(deleted.status()).as("%s DELETE %s: %s", who, resource, deleted.body()).isEqualTo(deleteStatus[i]);
            if (deleteStatus[i] == 204) {
                soft.assertThat(api.get(base + doomed + "/", api.admin).status()).as("deleted").isEqualTo(404);
            }
        }
        soft.assertThat(api.get(base + target + "/", api.admin).status()).as("%s survived", resource).isEqualTo(200);
        soft.assertAll();
    }
}
