package io.findingflow.infra.dojo;

import static io.findingflow.infra.dojo.DojoApiTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DefectDojo's tag filters on findings, over tags given at creation and changed by PATCH. */
class FindingTagFiltersIT {

    private static DojoApiTestSupport api;
    private static long test;
    private static long both;
    private static long pciOnly;
    private static long untagged;

    @BeforeAll
    static void findings() throws Exception {
        api = new DojoApiTestSupport();
        long product = api.product("Finding tags", api.productType("Finding tags"));
        test = api.test(api.engagement("Finding tags", product));
        both = tagged("both", "pci", "internet");
        pciOnly = tagged("pci only", "pci", "a,b \"quoted\"");
        untagged = api.finding("untagged", test);
    }

    private static long tagged(String title, String... tags) throws Exception {
        return api.createId("findings", json("title", title, "severity", "High", "test", test, "active", true,
                "verified", true, "description", "d", "tags", List.of(tags)));
    }

    private Set<Long> ids(String filter) throws Exception {
        StackClient.Response response = api.get("/api/v2/findings/?test=" + test + "&" + filter, api.admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().path("results").forEach(f -> ids.add(f.path("id").asLong()));
        return Set.copyOf(ids);
    }

    @Test
    void anyAllContainsAndTheirNegations() throws Exception {
        assertThat(api.get("/api/v2/findings/" + both + "/", api.admin).json().path("tags").toString())
                .isEqualTo("[\"pci\",\"internet\"]");
        assertThat(ids("tags=pci")).containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("tags=internet,nothing")).containsExactly(both);
        assertThat(ids("tags=a")).as("exact names: \"a\" is not inside \"a,b ...\"").isEmpty();
        assertThat(ids("tags__and=pci,internet")).containsExactly(both);
        assertThat(ids("tag=PC")).as("tag: contains, ignoring case").containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("tag=%22QUOTED%22")).as("quotes in a name").containsExactly(pciOnly);
        assertThat(ids("not_tags=internet")).containsExactlyInAnyOrder(pciOnly, untagged);
        assertThat(ids("not_tag=pci")).containsExactly(untagged);
        assertThat(ids("has_tags=true")).containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("has_tags=false")).containsExactly(untagged);
        StackClient.Response bad = api.get("/api/v2/findings/?has_tags=maybe", api.admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().has("has_tags")).isTrue();
    }

    @Test
    void aPatchedFindingIsFilteredByItsNewTags() throws Exception {
        long finding = tagged("retagged", "old-tag");
        StackClient.Response patched = api.call("PATCH", "/api/v2/findings/" + finding + "/", api.admin,
                json("tags", List.of("new-tag")));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(ids("tags=new-tag")).containsExactly(finding);
        assertThat(ids("tags=old-tag")).as("the superseded version does not count").isEmpty();
    }

    @Test
    void tagsMustBeAListOfStrings() throws Exception {
        StackClient.Response notAList = api.call("POST", "/api/v2/findings/", api.admin, json("title", "t",
                "severity", "High", "test", test, "tags", 5));
        assertThat(notAList.status()).isEqualTo(400);
        assertThat(notAList.body()).isEqualTo("{\"tags\":[\"Expected a list of items but got type \\\"int\\\".\"]}");
        StackClient.Response notStrings = api.call("POST", "/api/v2/findings/", api.admin, json("title", "t",
                "severity", "High", "test", test, "tags", List.of(1, 2)));
        assertThat(notStrings.status()).isEqualTo(400);
        assertThat(notStrings.body()).isEqualTo("{\"tags\":[\"All list items must be of string type.\"]}");
        JsonNode none = api.get("/api/v2/findings/?test=" + test + "&tags=", api.admin).json();
        assertThat(none.path("count").asInt()).as("an empty tags filter filters nothing").isGreaterThanOrEqualTo(3);
    }
}
