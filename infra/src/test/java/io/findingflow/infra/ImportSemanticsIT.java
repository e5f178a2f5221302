package io.findingflow.infra;

import static io.findingflow.infra.ImportTestSupport.stat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.testing.StackClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DESIGN §4's import and reimport rules on the real stack, each asserting findings and statistics. */
class ImportSemanticsIT {

    private ImportTestSupport it;

    @BeforeEach
    void logIn() throws Exception {
        StackClient api = StackClient.fromEnv();
        it = new ImportTestSupport(api, api.adminToken());
    }

    @Test
    void minimumSeverityDropsLessSevereFindings() throws Exception {
        // TrivyReports cycles Critical, High, Medium, Low, Info
        JsonNode imported = it.scan("import-scan", 0, 10, "minimum_severity", "Medium");
        assertThat(stat(imported, "after.total.total")).isEqualTo(6);
        assertThat(stat(imported, "after.low.total")).isZero();
        assertThat(it.findings("test=" + imported.path("test").asLong()).path("count").asInt()).isEqualTo(6);
    }

    @Test
    void reimportReactivatesAClosedFindingUnlessToldNotTo() throws Exception {
        JsonNode first = it.scan("import-scan", 0, 5);
        String test = String.valueOf(first.path("test").asLong());
        JsonNode dropped = it.scan("reimport-scan", 1, 5, "test", test);
        assertThat(stat(dropped, "delta.closed.total.total")).isEqualTo(1);
        JsonNode kept = it.scan("reimport-scan", 0, 5, "test", test, "do_not_reactivate", "True");
        assertThat(stat(kept, "delta.reactivated.total.total")).isZero();
        assertThat(it.findings("test=" + test + "&active=false").path("count").asInt()).isEqualTo(1);
        JsonNode back = it.scan("reimport-scan", 0, 5, "test", test, "do_not_reactivate", "False");
        assertThat(stat(back, "delta.reactivated.total.total")).isEqualTo(1);
        assertThat(stat(back, "delta.untouched.total.total")).isEqualTo(4);
        JsonNode all = it.findings("test=" + test);
        assertThat(all.path("count").asInt()).as("no finding was created twice").isEqualTo(5);
        assertThat(it.findings("test=" + test + "&active=true").path("count").asInt()).isEqualTo(5);
    }

    @Test
    void reimportWithCloseOldFindingsFalseLeavesMissingFindingsOpen() throws Exception {
        JsonNode first = it.scan("import-scan", 0, 4);
        String test = String.valueOf(first.path("test").asLong());
        JsonNode again = it.scan("reimport-scan", 0, 2, "test", test, "close_old_findings", "false");
        assertThat(stat(again, "delta.closed.total.total")).isZero();
        assertThat(it.findings("test=" + test + "&active=true").path("count").asInt()).isEqualTo(4);
    }

    @Test
    void importCloseOldFindingsClosesWithinTheEngagementOrTheProduct() throws Exception {
        JsonNode first = it.scan("import-scan", 0, 4);
        JsonNode elsewhere = it.scan("import-scan", 0, 4, "engagement_name", "Other " + it.run);
        JsonNode engagementScope = it.scan("import-scan", 0, 2, "close_old_findings", "true");
        assertThat(it.findings("test=" + first.path("test").asLong() + "&is_mitigated=true").path("count").asInt())
                .isEqualTo(2);
        assertThat(it.findings("test=" + elsewhere.path("test").asLong() + "&active=true").path("count").asInt())
                .as("another engagement is out of scope").isEqualTo(4);
        it.scan("import-scan", 0, 1, "close_old_findings", "true", "close_old_findings_product_scope", "true");
        assertThat(it.findings("test=" + elsewhere.path("test").asLong() + "&active=true").path("count").asInt())
                .as("product scope reaches the other engagement").isEqualTo(1);
        assertThat(it.findings("test=" + engagementScope.path("test").asLong() + "&active=true").path("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void deduplicationMarksRepeatsOfOlderFindingsOnlyWhenEnabled() throws Exception {
        JsonNode first = it.scan("import-scan", 0, 3);
        JsonNode repeat = it.scan("import-scan", 0, 3);
        assertThat(stat(repeat, "after.total.duplicate")).as("deduplication is off by default").isZero();
        try (SecondApiProcess dedupOn = SecondApiProcess.start(java.util.Map.of("DD_ENABLE_DEDUPLICATION", "True"))) {
            JsonNode duplicates = new ImportTestSupport(dedupOn.client(), it.token, it.run).scan("import-scan", 0, 3);
            assertThat(stat(duplicates, "after.total.duplicate")).isEqualTo(3);
            assertThat(stat(duplicates, "after.total.active")).isZero();
            JsonNode listed = it.findings("test=" + duplicates.path("test").asLong());
            long original = it.findings("test=" + first.path("test").asLong() + "&o=id").path("results").get(0)
                    .path("id").asLong();
            assertThat(listed.path("results").get(0).path("duplicate_finding").asLong()).isEqualTo(original);
        }
    }
}
