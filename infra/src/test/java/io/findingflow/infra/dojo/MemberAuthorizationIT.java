package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.infra.dojo.RoleFixture.Who;
import io.findingflow.schemas.testing.StackClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role matrix for memberships, users, global roles, findings and user_profile: Maintainers
 * manage members (only Owners make Owners), superusers manage users and global roles, Writers
 * add and edit findings. Statuses in {@link Who} order: R, I, W, M, O, none, global Reader, superuser.
 */
class MemberAuthorizationIT {

    private static DojoApiTestSupport api;
    private static RoleFixture f;
    private static long findingA;

    @BeforeAll
    static void buildTheWorld() throws Exception {
        api = new DojoApiTestSupport();
        f = new RoleFixture(api);
        findingA = api.finding("Matrix finding", f.testA);
    }

    @Test
    void productTypeMembers() throws Exception {
        members("product_type_members", "product_type", f.typeA);
    }

    @Test
    void productMembers() throws Exception {
        members("product_members", "product", f.productA);
    }

    private void members(String resource, String parentField, long parent) throws Exception {
        SoftAssertions soft = new SoftAssertions();
        String base = "/api/v2/" + resource + "/";
        int[] manage = {403, 403, 403, 201, 201, 403, 403, 201};
        long spare = api.user("spare-" + resource);
        long target = api.createId(resource, json(parentField, parent, "user", spare, "role", 5));
        Who[] all = Who.values();
        for (int i = 0; i < all.length; i++) {
            Who who = all[i];
            String token = f.token(who);
            boolean sees = who != Who.NONE;
            soft.assertThat(api.get(base + "?" + parentField + "=" + parent + "&user=" + spare, token).json()
                    .path("count").asInt()).as("%s lists %s", who, resource).isEqualTo(sees ? 1 : 0);
            soft.assertThat(api.get(base + target + "/", token).status()).as("%s GET", who).isEqualTo(sees ? 200 : 404);
            boolean allowed = manage[i] == 201;
            long newcomer = allowed ? api.user("new-" + resource + "-" + who) : spare;
            StackClient.Response added = api.call("POST", base, token, json(parentField, parent, "user", newcomer, "role", 2));
            soft.assertThat(added.status()).as("%s POST %s: %s", who, resource, added.body()).isEqualTo(manage[i]);
            int edit = allowed ? 200 : sees ? 403 : 404;
            StackClient.Response patched = api.call("PATCH", base + target + "/", token, json("role", 2));
            soft.assertThat(patched.status()).as("%s PATCH %s: %s", who, resource, patched.body()).isEqualTo(edit);
            StackClient.Response put = api.call("PUT", base + target + "/", token, json(parentField, parent, "user", spare, "role", 5));
            soft.assertThat(put.status()).as("%s PUT %s: %s", who, resource, put.body()).isEqualTo(edit);
            StackClient.Response owner = api.call("POST", base, token,
                    json(parentField, parent, "user", api.user("owner-" + resource + "-" + who), "role", 4));
            soft.assertThat(owner.status()).as("%s makes an Owner: %s", who, owner.body())
                    .isEqualTo(who == Who.OWNER || who == Who.SUPERUSER ? 201 : sees ? 403 : 403);
            long doomed = allowed ? added.json().path("id").asLong() : target;
            StackClient.Response deleted = api.call("DELETE", base + doomed + "/", token, null);
            soft.assertThat(deleted.status()).as("%s DELETE %s: %s", who, resource, deleted.body())
                    .isEqualTo(allowed ? 204 : sees ? 403 : 404);
        }
        soft.assertThat(api.get(base + target + "/", api.admin).status()).isEqualTo(200);
        soft.assertAll();
    }

    @Test
    void onlySuperusersWriteUsersAndEverybodySeesThemselfAndTheirTeam() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        long reader = f.userIds.get(Who.READER);
        for (Who who : Who.values()) {
            String token = f.token(who);
            boolean superuser = who == Who.SUPERUSER;
            boolean sees = who != Who.NONE;
            soft.assertThat(api.get("/api/v2/users/" + reader + "/", token).status()).as("%s GET user", who)
                    .isEqualTo(sees ? 200 : 404);
            JsonNode self = api.get("/api/v2/users/?username=" + api.username(who.name().toLowerCase().replace('_', '-')),
                    token).json();
            soft.assertThat(self.path("count").asInt()).as("%s sees themself", who).isEqualTo(1);
            StackClient.Response created = api.call("POST", "/api/v2/users/", token,
                    json("username", "by-" + who + "-" + api.run, "password", DojoApiTestSupport.PASSWORD));
            soft.assertThat(created.status()).as("%s POST user: %s", who, created.body()).isEqualTo(superuser ? 201 : 403);
            StackClient.Response patched = api.call("PATCH", "/api/v2/users/" + reader + "/", token, json("first_name", "R"));
            soft.assertThat(patched.status()).as("%s PATCH user", who).isEqualTo(superuser ? 200 : sees ? 403 : 404);
            StackClient.Response put = api.call("PUT", "/api/v2/users/" + reader + "/", token,
                    json("username", api.username("reader"), "email", "reader@example.com"));
            soft.assertThat(put.status()).as("%s PUT user: %s", who, put.body()).isEqualTo(superuser ? 200 : sees ? 403 : 404);
            long doomed = superuser ? created.json().path("id").asLong() : reader;
            StackClient.Response deleted = api.call("DELETE", "/api/v2/users/" + doomed + "/", token, null);
            soft.assertThat(deleted.status()).as("%s DELETE user", who).isEqualTo(superuser ? 204 : sees ? 403 : 404);
            StackClient.Response roles = api.get("/api/v2/global_roles/", token);
            soft.assertThat(roles.status()).as("%s lists global roles", who).isEqualTo(superuser ? 200 : 403);
            StackClient.Response profile = api.get("/api/v2/user_profile/", token);
            soft.assertThat(profile.json().path("user").path("id").asLong()).as("%s profile", who)
                    .isEqualTo(f.userIds.get(who));
        }
        JsonNode none = api.get("/api/v2/users/", f.token(Who.NONE)).json();
        soft.assertThat(none.path("count").asInt()).as("a user without roles sees only themself").isEqualTo(1);
        soft.assertAll();
    }

    @Test
    void findings() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        int[] add = {403, 403, 201, 201, 201, 404, 403, 201}; // none: the test is outside its scope
        int[] edit = {403, 403, 200, 200, 200, 404, 403, 200};
        Who[] all = Who.values();
        for (int i = 0; i < all.length; i++) {
            Who who = all[i];
            String token = f.token(who);
            soft.assertThat(api.get("/api/v2/findings/?id=" + findingA, token).json().path("count").asInt())
                    .as("%s lists the finding", who).isEqualTo(who == Who.NONE ? 0 : 1);
            soft.assertThat(api.get("/api/v2/findings/" + findingA + "/", token).status()).as("%s GET finding", who)
                    .isEqualTo(who == Who.NONE ? 404 : 200);
            StackClient.Response created = api.call("POST", "/api/v2/findings/", token, json("title", "By " + who,
                    "severity", "Low", "test", f.testA, "active", true, "verified", false));
            soft.assertThat(created.status()).as("%s POST finding: %s", who, created.body()).isEqualTo(add[i]);
            StackClient.Response patched = api.call("PATCH", "/api/v2/findings/" + findingA + "/", token,
                    json("title", "Matrix finding"));
            soft.assertThat(patched.status()).as("%s PATCH finding", who).isEqualTo(edit[i]);
        }
        for (Who who : new Who[] {Who.READER, Who.API_IMPORTER, Who.WRITER, Who.GLOBAL_READER}) {
            soft.assertThat(api.call("DELETE", "/api/v2/findings/" + findingA + "/", f.token(who), null).status())
                    .as("%s DELETE finding", who).isEqualTo(403);
        }
        soft.assertThat(api.call("DELETE", "/api/v2/findings/" + findingA + "/", f.token(Who.NONE), null).status())
                .isEqualTo(404);
        // DefectDojo's check_post_permission runs before the body's validation
        StackClient.Response noTest = api.call("POST", "/api/v2/findings/", f.token(Who.WRITER),
                json("title", "No test", "severity", "Low"));
        soft.assertThat(noTest.status()).isEqualTo(400);
        soft.assertThat(noTest.body()).isEqualTo("{\"detail\":\"Unable to check for permissions: Attribute 'test' is required\"}");
        StackClient.Response unknownTest = api.call("POST", "/api/v2/findings/", f.token(Who.WRITER),
                json("title", "Unknown test", "severity", "Low", "test", 987654321));
        soft.assertThat(unknownTest.status()).isEqualTo(404);
        soft.assertThat(unknownTest.body()).isEqualTo("{\"detail\":\"No Test matches the given query.\"}");
        StackClient.Response readerInvalid = api.call("POST", "/api/v2/findings/", f.token(Who.READER),
                json("severity", "Bad", "test", f.testA));
        soft.assertThat(readerInvalid.status()).as("permission before validation").isEqualTo(403);
        long doomed = api.finding("Doomed", f.testA);
        soft.assertThat(api.call("DELETE", "/api/v2/findings/" + doomed + "/", f.token(Who.MAINTAINER), null).status())
                .as("Maintainer deletes a finding").isEqualTo(204);
        soft.assertAll();
    }

    @Test
    void deletingATestDeletesItsFindingsAndDeletingAProductHidesThem() throws Exception {
        long test = api.test(f.engagementA);
        long finding = api.finding("Goes with its test", test);
        assertThat(api.call("DELETE", "/api/v2/tests/" + test + "/", api.admin, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v2/findings/" + finding + "/", api.admin).status()).isEqualTo(404);
        long product = api.product("Short-lived", f.typeA);
        long kept = api.finding("Hidden with its product", api.test(api.engagement("E", product)));
        assertThat(api.call("DELETE", "/api/v2/products/" + product + "/", api.admin, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v2/findings/" + kept + "/", api.admin).status()).isEqualTo(404);
        assertThat(api.get("/api/v2/findings/?test__engagement__product=" + product, api.admin).json()
                .path("count").asInt()).isZero();
        assertThat(api.get("/api/v2/engagements/?product=" + product, api.admin).json().path("count").asInt())
                .as("engagements go with their product").isZero();
    }
}
