package io.findingflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void everyPhaseRunsWithoutOnly() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick"}, Map.of());
        assertThat(BenchOptions.PHASES).allMatch(options::runs);
        assertThat(options.needsStack()).isTrue();
    }

    @Test
    void onlyParsersNeedsNoStack() {
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--only", "parsers"}, Map.of());
        assertThat(options.runs("parsers")).isTrue();
        assertThat(options.runs("custom")).isFalse();
        assertThat(options.needsStack()).isFalse();
    }

    @Test
    void metricsBringsTheImportsItReads() {
        BenchOptions options = BenchOptions.parse(new String[] {"--only", "metrics,custom"}, Map.of());
        assertThat(options.runs("e2e")).isTrue();
        assertThat(options.runs("metrics")).isTrue();
        assertThat(options.runs("raw")).isFalse();
        assertThat(options.runs("parsers")).isFalse();
        assertThat(options.needsStack()).isTrue();
    }

    @Test
    void listsOnAReusedStackMeasureItsFindingsWithoutImporting() {
        assertThat(BenchOptions.parse(new String[] {"--only", "lists"}, Map.of()).runs("e2e")).isTrue();
        BenchOptions reused = BenchOptions.parse(new String[] {"--only", "lists"},
                Map.of("FF_BENCH_API_URL", "http://127.0.0.1:8080"));
        assertThat(reused.runs("e2e")).isFalse();
        assertThat(reused.runs("lists")).isTrue();
        assertThat(reused.needsStack()).isTrue();
    }

    @Test
    void unknownPhaseIsRefusedWithTheList() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--only", "parser"}, Map.of()))
                .hasMessageContaining("unknown phase parser").hasMessageContaining("returnValue");
    }
}
