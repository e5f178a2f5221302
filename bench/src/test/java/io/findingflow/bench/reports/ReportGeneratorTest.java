package io.findingflow.bench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportGeneratorTest {

    private static final ParserRegistry REGISTRY = ParserRegistry.standard();

    static List<ReportGenerator> generators() {
        return ReportGenerator.all();
    }

    private static List<Finding> parse(ReportGenerator generator, int first, int count) throws Exception {
        return REGISTRY.parseAll(new ByteArrayInputStream(generator.bytes(first, count)),
                ScanContext.of(generator.scanType()));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldParseToExactlyTheWrittenNumberOfDistinctFindings(ReportGenerator generator) throws Exception {
        List<Finding> findings = parse(generator, 1000, 300);

        assertThat(findings).hasSize(300);
        assertThat(findings.stream().map(f -> f.hashCode).collect(Collectors.toSet())).hasSize(300);
        assertThat(findings.stream().map(f -> f.severity).collect(Collectors.toSet())).contains("High", "Medium", "Low");
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldShareFindingsExactlyWhereNumbersOverlap(ReportGenerator generator) throws Exception {
        Set<String> earlier = parse(generator, 0, 100).stream().map(f -> f.hashCode).collect(Collectors.toSet());
        Set<String> later = parse(generator, 80, 100).stream().map(f -> f.hashCode).collect(Collectors.toSet());

        Set<String> shared = new HashSet<>(earlier);
        shared.retainAll(later);
        assertThat(shared).hasSize(20);
    }

    @ParameterizedTest
    @MethodSource("generators")
    void shouldBeReadableByItsJacksonBaseline(ReportGenerator generator) throws Exception {
        long tokens = generator.baseline().walk(new ByteArrayInputStream(generator.bytes(0, 50)));

        assertThat(tokens).isGreaterThan(50 * 10);
    }
}
