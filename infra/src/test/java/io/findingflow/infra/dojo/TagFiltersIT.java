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

/** DefectDojo's tag filters on products (the same filter set serves engagements, tests and endpoints). */
class TagFiltersIT {

    private static DojoApiTestSupport api;
    private static long type;
    private static long both;
    private static long pciOnly;
    private static long untagged;

    @BeforeAll
    static void products() throws Exception {
        api = new DojoApiTestSupport();
        type = api.productType("Tags");
        both = tagged("Tags both", "pci-" + api.run, "internet-" + api.run);
        pciOnly = tagged("Tags pci", "pci-" + api.run);
        untagged = api.product("Tags none", type);
    }

    private static long tagged(String name, String... tags) throws Exception {
        StackClient.Response created = api.call("POST", "/api/v2/products/", api.admin, json("name", name + " " + api.run,
                "description", "tagged", "prod_type", type, "tags", List.of(tags)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private Set<Long> ids(String filter) throws Exception {
        JsonNode page = api.get("/api/v2/products/?prod_type=" + type + "&" + filter, api.admin).json();
        List<Long> ids = new ArrayList<>();
        page.path("results").forEach(p -> ids.add(p.path("id").asLong()));
        return Set.copyOf(ids);
    }

    @Test
    void anyAllContainsAndTheirNegations() throws Exception {
        String pci = "pci-" + api.run;
        String internet = "internet-" + api.run;
        assertThat(ids("tags=" + pci)).containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("tags=" + internet + ",nothing-" + api.run)).containsExactly(both);
        assertThat(ids("tags__and=" + pci + "," + internet)).containsExactly(both);
        assertThat(ids("tag=PCI-")).as("tag: contains, ignoring case").containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("not_tags=" + internet)).containsExactlyInAnyOrder(pciOnly, untagged);
        assertThat(ids("not_tag=pci")).containsExactly(untagged);
        assertThat(ids("has_tags=true")).containsExactlyInAnyOrder(both, pciOnly);
        assertThat(ids("has_tags=false")).containsExactly(untagged);
        StackClient.Response bad = api.get("/api/v2/products/?has_tags=maybe", api.admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().has("has_tags")).isTrue();
    }
}
