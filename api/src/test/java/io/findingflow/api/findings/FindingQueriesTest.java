package io.findingflow.api.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingQueriesTest {

    @Test
    void findsTheColumnsAConditionOrOrderingUses() {
        assertThat(FindingQueries.referenced(List.of("severity = 'High'", "active = 1",
                "positionCaseInsensitiveUTF8(title, 'x') > 0"))).containsExactly("severity", "active", "title");
        assertThat(FindingQueries.referenced(List.of("date DESC, id"))).containsExactly("date");
    }

    @Test
    void leavesOutWordsThatAreNoColumns() {
        // id and version are always selected; test_id may be an ordering
        assertThat(FindingQueries.referenced(List.of("id", "test_id = 4", "product_id = 2", "multiIf(x = 1, 0, 4)")))
                .containsExactly("test_id", "product_id");
    }

    @Test
    void aColumnNameInsideAValueOnlyAddsAColumn() {
        // over-inclusion costs one column read; it must never drop a column a condition needs
        assertThat(FindingQueries.referenced(List.of("title = 'verified severity'")))
                .containsExactly("title", "verified", "severity");
    }

    @Test
    void theNumericalSeverityOrderingUsesTheSeverityColumn() {
        assertThat(FindingQueries.referenced(List.of("multiIf(severity = 'Critical', 0, severity = 'High', 1, 4) DESC, id")))
                .containsExactly("severity");
    }
}
