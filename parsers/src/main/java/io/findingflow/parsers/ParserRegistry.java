package io.findingflow.parsers;

import io.findingflow.schemas.Finding;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scan type → parser, built from an explicit list (no reflection, no discovery). Refuses two
 * parsers for one scan type. Resolves the aliases of seed 002 ("OWASP ZAP", "Nessus", ...) to
 * DefectDojo's canonical names, and computes {@code hash_code} on every finding it hands out.
 */
public final class ParserRegistry {

    /** Alias → canonical DefectDojo scan type, as users and older clients spell them. */
    private static final Map<String, String> ALIASES =
            Map.ofEntries(
                    Map.entry("OWASP Dependency-Check", "Dependency Check Scan"),
                    Map.entry("OWASP ZAP", "ZAP Scan"),
                    Map.entry("Nessus", "Tenable Scan"),
                    Map.entry("Nessus Scan", "Tenable Scan"),
                    Map.entry("Checkov", "Checkov Scan"),
                    Map.entry("AWS Security Hub", "AWS Security Hub Scan"),
                    Map.entry("Azure Security Center", "Azure Security Center Recommendations Scan"));

    private final Map<String, ScanParser> byScanType;

    public ParserRegistry(List<ScanParser> parsers) {
        Map<String, ScanParser> map = new LinkedHashMap<>();
        for (ScanParser parser : parsers) {
            for (String scanType : parser.scanTypes()) {
                ScanParser previous = map.putIfAbsent(scanType, parser);
                if (previous != null) {
                    throw new IllegalArgumentException(
                            "Two parsers for scan type \"" + scanType + "\": "
                                    + previous.getClass().getName() + " and "
                                    + parser.getClass().getName());
                }
            }
        }
        this.byScanType = Collections.unmodifiableMap(map);
    }

    /** The registry of every parser FindingFlow ships. */
    public static ParserRegistry standard() {
        return new ParserRegistry(StandardParsers.all());
    }

    /** Canonical scan types, in registration order. */
    public List<String> scanTypes() {
        return new ArrayList<>(byScanType.keySet());
    }

    public Map<String, String> aliases() {
        return ALIASES;
    }

    /** The canonical name of {@code scanType} (itself or the alias's target). */
    public String canonical(String scanType) {
        if (scanType != null && byScanType.containsKey(scanType)) {
            return scanType;
        }
        String target = scanType == null ? null : ALIASES.get(scanType);
        if (target != null && byScanType.containsKey(target)) {
            return target;
        }
        throw new UnknownScanTypeException(scanType, scanTypes());
    }

    public boolean supports(String scanType) {
        return scanType != null
                && (byScanType.containsKey(scanType)
                        || byScanType.containsKey(ALIASES.getOrDefault(scanType, "")));
    }

    public ScanParser parser(String scanType) {
        return byScanType.get(canonical(scanType));
    }

    /**
     * Parses {@code report} as {@code context.scanType()} and hands each finding, with its
     * hash_code computed, to {@code out}. A parser that holds findings until the end of the report
     * may have computed hash_code already, while the finding was in the processor's cache (Tenable
     * CSV, see {@code MergedFinding}); a finding with none is hashed here.
     */
    public void parse(InputStream report, ScanContext context, FindingSink out)
            throws ParseException {
        String scanType = canonical(context.scanType());
        ScanContext canonicalContext =
                new ScanContext(scanType, context.settings(), context.clock());
        DedupSettings dedup = DedupSettings.forScanType(scanType);
        parser(scanType)
                .parse(
                        report,
                        canonicalContext,
                        finding -> {
                            if (finding.hashCode == null) {
                                finding.hashCode = HashCodeCalculator.compute(finding, dedup);
                            }
                            out.accept(finding);
                        });
    }

    /** Convenience for small reports and tests: every finding in a list. */
    public List<Finding> parseAll(InputStream report, ScanContext context) throws ParseException {
        List<Finding> findings = new ArrayList<>();
        parse(report, context, findings::add);
        return findings;
    }
}
