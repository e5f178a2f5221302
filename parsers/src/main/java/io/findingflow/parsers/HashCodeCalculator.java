package io.findingflow.parsers;

import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * DefectDojo's {@code Finding.compute_hash_code()}: the configured fields' Python {@code str()}
 * values concatenated with no separator (legacy fields when none are configured, or when cwe is 0
 * and the scan type does not allow a null cwe), then {@code service} when set, case-folded, UTF-8,
 * stripped of ASCII whitespace and SHA-256 hashed to lowercase hex.
 */
public final class HashCodeCalculator {

    private static final List<String> LEGACY_FIELDS =
            List.of("title", "cwe", "line", "file_path", "description");

    /**
     * The text of the finding being hashed, reused: a fresh builder per finding was a quarter of
     * the bytes a Trivy parse allocates. One a thread; one that grew past {@link #MAX_KEPT_CAPACITY}
     * (a finding with a huge description) is dropped after use, so it does not pin its memory.
     */
    private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(HashCodeCalculator::newText);
    private static final int MAX_KEPT_CAPACITY = 1 << 16;

    private HashCodeCalculator() {}

    public static String compute(Finding finding, DedupSettings settings) {
        List<String> fields = settings.hashFields();
        boolean zeroCweFallsBack =
                !settings.allowsNullCwe() && finding.cwe != null && finding.cwe == 0;
        if (fields == null || zeroCweFallsBack) {
            fields = LEGACY_FIELDS;
        }
        StringBuilder text = TEXT.get();
        text.setLength(0);
        for (int i = 0; i < fields.size(); i++) {
            appendField(text, finding, fields.get(i));
        }
        if (finding.service != null && !finding.service.isEmpty()) {
            text.append(finding.service);
        }
        String hash = FoldedSha256.of(text);
        if (text.capacity() > MAX_KEPT_CAPACITY) {
            TEXT.set(newText());
        }
        return hash;
    }

    private static StringBuilder newText() {
        return new StringBuilder(1024);
    }

    private static void appendField(StringBuilder text, Finding finding, String field) {
        if (field.equals("cwe") && finding.cwe != null) {
            text.append(finding.cwe.intValue()); // str(int): no String per finding
        } else {
            text.append(fieldText(finding, field));
        }
    }

    private static String fieldText(Finding finding, String field) {
        switch (field) {
            case "title":
                return py(finding.title);
            case "cwe":
                return py(finding.cwe);
            case "line":
                return py(finding.line);
            case "file_path":
                return py(finding.filePath);
            case "description":
                return py(finding.description);
            case "severity":
                // the importer runs sanitize_severity before hashing ("Information" hashes as "Info")
                return severityLabel(finding.severity);
            case "mitigation":
                return py(finding.mitigation);
            case "component_name":
                return py(finding.componentName);
            case "component_version":
                return py(finding.componentVersion);
            case "unique_id_from_tool":
                return py(finding.uniqueIdFromTool);
            case "vuln_id_from_tool":
                return py(finding.vulnIdFromTool);
            case "vulnerability_ids":
                return sortedUnique(finding.vulnerabilityIds, id -> id == null || id.isBlank() ? null : id.strip());
            case "endpoints":
                return sortedUnique(finding.endpoints, Endpoint::canonical);
            case "cwes":
                return sortedUnique(finding.cwes, cwe -> cwe == null ? null : "CWE-" + cwe);
            default:
                throw new IllegalArgumentException("hash_code field not supported: " + field);
        }
    }

    /**
     * DefectDojo's {@code "".join(sorted(set(...)))} of a list field, null items left out. A
     * finding usually has zero or one, which need no set.
     */
    private static <T> String sortedUnique(List<T> items, Function<T, String> text) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            String only = text.apply(items.get(0));
            return only == null ? "" : only;
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (T item : items) {
            String value = text.apply(item);
            if (value != null) {
                sorted.add(value);
            }
        }
        return String.join("", sorted);
    }

    /** Python's {@code str()} of a scalar: None for null. */
    private static String py(Object value) {
        return value == null ? "None" : value.toString();
    }

    /** Parsers almost always set one of the labels already; skip Severity.from's trim and lower-casing then. */
    private static String severityLabel(String severity) {
        if (severity != null) {
            switch (severity) {
                case "Critical", "High", "Medium", "Low", "Info" -> {
                    return severity;
                }
                default -> { }
            }
        }
        return Severity.from(severity).label();
    }
}
