package io.findingflow.parsers;

import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * DefectDojo's {@code Finding.compute_hash_code()}: the configured fields' Python {@code str()}
 * values concatenated with no separator (legacy fields when none are configured, or when cwe is 0
 * and the scan type does not allow a null cwe), then {@code service} when set, case-folded, UTF-8,
 * stripped of ASCII whitespace and SHA-256 hashed to lowercase hex.
 */
public final class HashCodeCalculator {

    private static final List<String> LEGACY_FIELDS =
            List.of("title", "cwe", "line", "file_path", "description");

    private HashCodeCalculator() {}

    public static String compute(Finding finding, DedupSettings settings) {
        List<String> fields = settings.hashFields();
        boolean zeroCweFallsBack =
                !settings.allowsNullCwe() && finding.cwe != null && finding.cwe == 0;
        if (fields == null || zeroCweFallsBack) {
            fields = LEGACY_FIELDS;
        }
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(fieldText(finding, field));
        }
        if (finding.service != null && !finding.service.isEmpty()) {
            text.append(finding.service);
        }
        return sha256(strip(CaseFold.fold(text.toString())));
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
                return Severity.from(finding.severity).label();
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
                return finding.vulnerabilityIds.stream()
                        .filter(Objects::nonNull)
                        .map(String::strip)
                        .filter(id -> !id.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .collect(Collectors.joining());
            case "endpoints":
                return finding.endpoints.stream()
                        .map(Endpoint::canonical)
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .collect(Collectors.joining());
            case "cwes":
                return finding.cwes.stream()
                        .filter(Objects::nonNull)
                        .map(cwe -> "CWE-" + cwe)
                        .collect(Collectors.toCollection(TreeSet::new))
                        .stream()
                        .collect(Collectors.joining());
            default:
                throw new IllegalArgumentException("hash_code field not supported: " + field);
        }
    }

    /** Python's {@code str()} of a scalar: None for null. */
    private static String py(Object value) {
        return value == null ? "None" : value.toString();
    }

    /** Python's {@code bytes.strip()}: ASCII whitespace only, at both ends. */
    private static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isAsciiSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JRE", impossible);
        }
    }
}
