package io.findingflow.jobs.lifecycle.functions;

import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.finding;
import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.header;
import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.withOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.schemas.ImportHeader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportApplierTest {

    private final LifecycleTestSupport events = new LifecycleTestSupport();
    private final Map<Long, FindingState> product = new LinkedHashMap<>();

    private ImportApplier.Outcome apply(ImportHeader header, com.fasterxml.jackson.databind.node.ObjectNode... findings) {
        ImportApplier.Outcome outcome = ImportApplier.apply(header, new ArrayList<>(product.values()),
                events.findingsOf(header, findings));
        product.putAll(outcome.after());
        return outcome;
    }

    private long stat(ImportApplier.Outcome outcome, String path) {
        com.fasterxml.jackson.databind.JsonNode node = outcome.statistics();
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.asLong(-1);
    }

    @Test
    void shouldCreateEveryFindingOfAFirstImport() {
        ImportApplier.Outcome outcome = apply(header("i1", false, 7, 70, 700),
                finding("a", "High", "h1"), finding("b", "Low", "h2"));
        assertThat(outcome.after()).hasSize(2);
        assertThat(outcome.before()).isEmpty();
        assertThat(stat(outcome, "after.total.total")).isEqualTo(2);
        assertThat(stat(outcome, "after.high.active")).isEqualTo(1);
        assertThat(outcome.after().values()).allSatisfy(f -> {
            assertThat(f.testId).isEqualTo(700);
            assertThat(f.date).isEqualTo("2024-03-01");
        });
    }

    @Test
    void shouldCloseFindingsMissingFromReimportAndCreateNewOnes() {
        apply(header("i1", false, 7, 70, 700), finding("a", "High", "h1"), finding("b", "Low", "h2"));
        long idOfA = idOf("h1");
        ImportApplier.Outcome outcome = apply(header("i2", true, 7, 70, 700),
                finding("a", "High", "h1"), finding("c", "Medium", "h3"));
        assertThat(stat(outcome, "delta.created.total.total")).isEqualTo(1);
        assertThat(stat(outcome, "delta.closed.total.total")).isEqualTo(1);
        assertThat(stat(outcome, "delta.untouched.total.total")).isEqualTo(1);
        assertThat(stat(outcome, "before.total.total")).isEqualTo(2);
        assertThat(stat(outcome, "after.total.total")).isEqualTo(3);
        assertThat(stat(outcome, "after.total.active")).isEqualTo(2);
        FindingState b = product.get(idOf("h2"));
        assertThat(b.active).isFalse();
        assertThat(b.isMitigated).isTrue();
        assertThat(b.mitigated).isEqualTo("2024-03-05 00:00:00");
        assertThat(idOf("h1")).as("matched findings keep their id").isEqualTo(idOfA);
    }

    @Test
    void shouldReactivateAClosedFindingUnlessTold() {
        apply(header("i1", false, 7, 70, 700), finding("a", "High", "h1"));
        apply(header("i2", true, 7, 70, 700), finding("b", "Low", "h2"));
        assertThat(product.get(idOf("h1")).active).isFalse();
        ImportApplier.Outcome kept = apply(withOptions(header("i3", true, 7, 70, 700), true, "engagement", true, false),
                finding("a", "High", "h1"), finding("b", "Low", "h2"));
        assertThat(stat(kept, "delta.reactivated.total.total")).isZero();
        assertThat(product.get(idOf("h1")).active).isFalse();
        ImportApplier.Outcome reopened = apply(header("i4", true, 7, 70, 700),
                finding("a", "High", "h1"), finding("b", "Low", "h2"));
        assertThat(stat(reopened, "delta.reactivated.total.total")).isEqualTo(1);
        FindingState a = product.get(idOf("h1"));
        assertThat(a.active).isTrue();
        assertThat(a.isMitigated).isFalse();
        assertThat(a.mitigated).isNull();
    }

    @Test
    void shouldCloseOldFindingsOfTheEngagementOnImportOnlyWhenAsked() {
        apply(header("i1", false, 7, 70, 700), finding("a", "High", "h1"), finding("b", "Low", "h2"));
        apply(header("i2", false, 7, 71, 710), finding("x", "High", "h9"));
        ImportApplier.Outcome withoutFlag = apply(header("i3", false, 7, 70, 701), finding("a", "High", "h1"));
        assertThat(closedCount(withoutFlag.after().values())).isZero();
        ImportApplier.Outcome engagementScope = apply(
                withOptions(header("i4", false, 7, 70, 702), true, "engagement", false, false), finding("a", "High", "h1"));
        assertThat(product.get(idOf("h2")).active).isFalse();
        assertThat(product.get(idOf("h9")).active).as("other engagement untouched").isTrue();
        assertThat(closedCount(engagementScope.after().values())).isEqualTo(1);
        apply(withOptions(header("i5", false, 7, 70, 703), true, "product", false, false), finding("a", "High", "h1"));
        assertThat(product.get(idOf("h9")).active).as("product scope reaches other engagements").isFalse();
    }

    @Test
    void shouldMarkDuplicatesOfOlderFindingsWhenDeduplicationIsOn() {
        apply(header("i1", false, 7, 70, 700), finding("a", "High", "h1"));
        ImportApplier.Outcome off = apply(header("i2", false, 7, 70, 701), finding("a", "High", "h1"));
        assertThat(off.after().values()).noneMatch(f -> f.duplicate);
        ImportApplier.Outcome on = apply(withOptions(header("i3", false, 7, 70, 702), false, "engagement", false, true),
                finding("a", "High", "h1"));
        FindingState duplicate = on.after().values().iterator().next();
        assertThat(duplicate.duplicate).isTrue();
        assertThat(duplicate.active).isFalse();
        assertThat(duplicate.duplicateFinding).isEqualTo(product.values().stream()
                .filter(f -> f.hashCode.equals("h1")).mapToLong(f -> f.id).min().orElseThrow());
        assertThat(stat(on, "after.total.duplicate")).isEqualTo(1);
    }

    private long idOf(String hash) {
        List<Long> ids = product.values().stream().filter(f -> f.hashCode.equals(hash) && f.testId == 700)
                .map(f -> f.id).toList();
        return ids.isEmpty() ? product.values().stream().filter(f -> f.hashCode.equals(hash)).findFirst().orElseThrow().id
                : ids.get(0);
    }

    private static long closedCount(Collection<FindingState> changed) {
        return changed.stream().filter(f -> f.isMitigated).count();
    }
}
