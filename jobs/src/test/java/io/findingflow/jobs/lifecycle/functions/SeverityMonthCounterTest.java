package io.findingflow.jobs.lifecycle.functions;

import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.finding;
import static io.findingflow.jobs.lifecycle.functions.LifecycleTestSupport.header;
import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.jobs.lifecycle.records.FindingState;
import io.findingflow.jobs.lifecycle.records.MonthCounts;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** metrics/simple's counting rules (DESIGN §5) as signed contributions, in the server's time zone. */
class SeverityMonthCounterTest {

    private static FindingState state(String severity, String date) {
        FindingState f = new FindingState();
        f.severity = severity;
        f.date = date;
        f.active = true;
        f.verified = true;
        return f;
    }

    private static FindingState closed(FindingState open, String mitigatedUtc) {
        FindingState f = open.copy();
        f.active = false;
        f.isMitigated = true;
        f.mitigated = mitigatedUtc;
        return f;
    }

    private static List<Long> counts(Map<String, MonthCounts> deltas, String key) {
        MonthCounts c = deltas.get(key);
        return c == null ? List.of(0L, 0L, 0L, 0L) : List.of(c.totalVerified, c.totalAny, c.closedVerified, c.closedAny);
    }

    @Test
    void shouldCountTotalByDateAndClosedByMitigatedMonth() {
        SeverityMonthCounter counter = new SeverityMonthCounter();
        FindingState open = state("High", "2024-01-31");
        counter.change(open, closed(open, "2024-03-01 10:00:00"));
        assertThat(counts(counter.deltas(), "2024-01-01|High")).containsExactly(0L, 0L, 0L, 0L);
        assertThat(counts(counter.deltas(), "2024-03-01|High")).containsExactly(0L, 0L, 1L, 1L);
    }

    @Test
    void shouldExcludeFalsePositivesDuplicatesAndOutOfScopeAndSplitVerified() {
        SeverityMonthCounter counter = new SeverityMonthCounter();
        FindingState unverified = state("Critical", "2024-02-10");
        unverified.verified = false;
        counter.change(null, unverified);
        for (String flag : new String[] {"falseP", "duplicate", "outOfScope"}) {
            FindingState f = state("Critical", "2024-02-10");
            switch (flag) {
                case "falseP" -> f.falseP = true;
                case "duplicate" -> f.duplicate = true;
                default -> f.outOfScope = true;
            }
            counter.change(null, f);
        }
        counter.change(null, state("Unknown", "2024-02-11"));
        assertThat(counts(counter.deltas(), "2024-02-01|Critical")).containsExactly(0L, 1L, 0L, 0L);
        assertThat(counts(counter.deltas(), "2024-02-01|Info")).as("other severities count as info")
                .containsExactly(1L, 1L, 0L, 0L);
    }

    @Test
    void shouldMoveAContributionWhenAFindingIsMarkedFalsePositiveOrReopened() {
        SeverityMonthCounter counter = new SeverityMonthCounter();
        FindingState open = state("Low", "2024-05-02");
        FindingState closed = closed(open, "2024-06-03 00:00:00");
        counter.change(null, open);
        counter.change(open, closed);
        counter.change(closed, open);
        FindingState falsePositive = open.copy();
        falsePositive.falseP = true;
        counter.change(open, falsePositive);
        assertThat(counts(counter.deltas(), "2024-05-01|Low")).containsExactly(0L, 0L, 0L, 0L);
        assertThat(counts(counter.deltas(), "2024-06-01|Low")).containsExactly(0L, 0L, 0L, 0L);
    }

    @Test
    void shouldTakeTheMitigatedMonthInTheServerTimeZone() {
        FindingState open = state("Medium", "2024-02-20");
        SeverityMonthCounter newYork = new SeverityMonthCounter(ZoneId.of("America/New_York"));
        newYork.change(null, closed(open, "2024-03-01 02:00:00"));
        assertThat(counts(newYork.deltas(), "2024-02-01|Medium")).containsExactly(1L, 1L, 1L, 1L);
        SeverityMonthCounter berlin = new SeverityMonthCounter(ZoneId.of("Europe/Berlin"));
        berlin.change(null, closed(open, "2024-02-29 23:30:00"));
        assertThat(counts(berlin.deltas(), "2024-03-01|Medium")).containsExactly(0L, 0L, 1L, 1L);
        SeverityMonthCounter utc = new SeverityMonthCounter(ZoneId.of("UTC"));
        utc.change(null, closed(open, "2024-02-29 23:30:00"));
        assertThat(counts(utc.deltas(), "2024-02-01|Medium")).containsExactly(1L, 1L, 1L, 1L);
    }

    @Test
    void shouldCloseAtMidnightOfTheScanDateInTheServerTimeZone() {
        LifecycleTestSupport events = new LifecycleTestSupport();
        ZoneId newYork = ZoneId.of("America/New_York");
        var first = header("i1", false, 7, 70, 700);
        ImportApplier.Outcome imported = ImportApplier.apply(first, List.of(),
                events.findingsOf(first, finding("a", "High", "h1")), newYork);
        var reimport = header("i2", true, 7, 70, 700); // scan date 2024-03-05, nothing reported
        ImportApplier.Outcome outcome = ImportApplier.apply(reimport, new ArrayList<>(imported.after().values()),
                events.findingsOf(reimport), newYork);
        FindingState closedFinding = outcome.after().values().iterator().next();
        assertThat(closedFinding.mitigated).isEqualTo("2024-03-05 05:00:00");
        SeverityMonthCounter counter = new SeverityMonthCounter(newYork);
        counter.change(outcome.before().get(closedFinding.id), closedFinding);
        assertThat(counts(counter.deltas(), "2024-03-01|High")).containsExactly(0L, 0L, 1L, 1L);
    }
}
