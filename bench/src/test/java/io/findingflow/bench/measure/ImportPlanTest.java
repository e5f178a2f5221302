package io.findingflow.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    private final ImportPlan plan = ImportPlan.of("t1", 7_200, 4, 3, LocalDate.of(2025, 3, 5));

    @Test
    void shouldScanEveryProductWithEveryScannerOnceAMonth() {
        assertThat(plan.imports()).hasSize(4 * 2 * 3 * 3);
        assertThat(plan.perImport()).isEqualTo(100);
        assertThat(plan.totalFindings()).isEqualTo(7_200);
        assertThat(plan.months()).containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2), YearMonth.of(2025, 3));
        assertThat(plan.imports().get(0).scanDate()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(plan.imports().get(2).scanDate()).isEqualTo(LocalDate.of(2025, 3, 5));
    }

    @Test
    void shouldReFindAFifthOfTheStreamsPreviousMonthAndNothingOfOtherStreams() {
        List<ImportPlan.Import> stream0 = plan.imports().stream().filter(i -> i.stream() == 0).toList();
        List<ImportPlan.Import> stream1 = plan.imports().stream().filter(i -> i.stream() == 1).toList();

        assertThat(stream0.get(1).first() - stream0.get(0).first()).isEqualTo(80);
        assertThat(stream1.get(0).first()).isGreaterThanOrEqualTo(stream0.get(2).first() + stream0.get(2).count());
    }

    @Test
    void shouldCountFirstMonthsWholeAndLaterMonthsWithoutTheirDuplicates() {
        Map<YearMonth, Long> totals = plan.expectedTotals(true);

        assertThat(totals).containsExactly(Map.entry(YearMonth.of(2025, 1), 2_400L),
                Map.entry(YearMonth.of(2025, 2), 1_920L), Map.entry(YearMonth.of(2025, 3), 1_920L));
        assertThat(plan.expectedTotals(false).values()).containsOnly(2_400L);
    }

    @Test
    void shouldGiveEachStreamToOneClientInMonthOrder() {
        List<ImportPlan.Import> all = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            List<ImportPlan.Import> mine = plan.forClient(c, 5);
            int client = c;
            assertThat(mine).allMatch(i -> i.stream() % 5 == client);
            for (int k = 1; k < mine.size(); k++) {
                assertThat(mine.get(k).monthIndex()).isGreaterThanOrEqualTo(mine.get(k - 1).monthIndex());
            }
            all.addAll(mine);
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(plan.imports());
    }
}
