package io.findingflow.parsers;

import io.findingflow.schemas.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test access to the shared DefectDojo corpus ({@code ../shared/corpus} beside the repository),
 * whose sample reports are DefectDojo's own unit-test fixtures.
 */
public final class CorpusFiles {

    private static final Path ROOT = locate();

    private CorpusFiles() {}

    private static Path locate() {
        String configured = System.getenv("FF_CORPUS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // surefire runs in the module directory; the corpus sits beside the repository root
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isDirectory(candidate.resolve("files"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/corpus not found above " + Path.of("").toAbsolutePath());
    }

    public static Path root() {
        return ROOT;
    }

    /** A sample report, e.g. {@code file("trivy/legacy_many_vulns.json")}. */
    public static Path file(String relative) {
        return ROOT.resolve("files").resolve(relative);
    }

    /** Parses a sample through the standard registry (hash codes included). */
    public static List<Finding> parse(String scanType, String relative) throws ParseException {
        return parse(scanType, relative, Map.of());
    }

    public static List<Finding> parse(String scanType, String relative, Map<String, String> settings)
            throws ParseException {
        try (InputStream in = Files.newInputStream(file(relative))) {
            return ParserRegistry.standard()
                    .parseAll(in, new ScanContext(scanType, settings, java.time.Clock.systemUTC()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
