package io.findingflow.parsers.snykcode;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One SARIF run's rules, and the findings of its results as DefectDojo's SARIF base reads them. */
final class SarifRun {

    private static final Pattern CWE = Pattern.compile("cwe-\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern CVE = Pattern.compile("(CVE-[0-9]+-[0-9]+)", Pattern.CASE_INSENSITIVE);

    private final Map<String, JsonNode> rules = new HashMap<>();

    SarifRun(JsonNode tool) {
        if (tool == null) {
            return;
        }
        JsonNode list = tool.path("driver").path("rules");
        if (list.isEmpty() && tool.path("extensions").isArray()) {
            list = tool.path("extensions").path(0).path("rules");
        }
        for (JsonNode rule : list) {
            rules.put(PythonText.str(rule.get("id")), rule);
        }
    }

    /** The {@code endTimeUtc} of the last invocation, as the ISO timestamp DefectDojo stores. */
    static String lastInvocationDate(JsonNode invocations) {
        if (invocations == null || !invocations.isArray() || invocations.isEmpty()) {
            return null;
        }
        JsonNode end = invocations.get(invocations.size() - 1).get("endTimeUtc");
        return end == null || end.isNull() ? null : SarifDates.isoTimestamp(end.asText());
    }

    /** One finding per location of a failed result; none for other kinds (pass, notApplicable, ...). */
    List<Finding> findings(JsonNode result, String runDate) {
        List<Finding> findings = new ArrayList<>();
        if (!"fail".equals(result.path("kind").asText("fail"))) {
            return findings;
        }
        boolean suppressed = SnykCodeFindings.truthy(result.get("suppressions"));
        List<JsonNode> locations = new ArrayList<>();
        result.path("locations").forEach(locations::add);
        if (locations.isEmpty()) {
            locations.add(null);
        }
        JsonNode ruleId = result.get("ruleId");
        JsonNode rule = ruleId == null ? null : rules.get(PythonText.str(ruleId));
        for (JsonNode location : locations) {
            Finding finding = new Finding();
            finding.title = SnykCodeFindings.title(result, location);
            finding.description = SnykCodeFindings.description(result, location);
            finding.staticFinding = true;
            finding.dynamicFinding = false;
            finding.falseP = suppressed;
            finding.active = !suppressed;
            JsonNode physical = location == null ? null : location.get("physicalLocation");
            if (physical != null) {
                finding.filePath = text(physical.path("artifactLocation").get("uri"));
                JsonNode region = physical.get("region");
                if (region != null && !region.has("byteOffset") && region.path("startLine").canConvertToInt()) {
                    finding.line = region.get("startLine").asInt();
                }
            }
            finding.references = references(rule);
            if (ruleId != null) {
                finding.vulnIdFromTool = PythonText.str(ruleId);
                Matcher cve = CVE.matcher(finding.vulnIdFromTool);
                if (cve.find()) {
                    finding.vulnerabilityIds.add(cve.group(1).toUpperCase(Locale.ROOT));
                }
            }
            applyCwes(finding, result, rule);
            if (rule != null && rule.path("properties").has("security-severity")) {
                try {
                    finding.cvssv3Score = Double.valueOf(PythonText.str(rule.get("properties").get("security-severity")));
                } catch (NumberFormatException notAScore) {
                    // DefectDojo then takes the text as a severity; Snyk's priority score overrides it below
                }
            }
            if (result.has("fixes")) {
                List<String> fixes = new ArrayList<>();
                result.get("fixes").forEach(fix -> fixes.add(PythonText.str(fix.path("description").get("text"))));
                finding.mitigation = String.join("\n", fixes);
            }
            finding.date = runDate;
            finding.tags.addAll(tags(rule, result));
            finding.uniqueIdFromTool = SarifFingerprints.uniqueId(result);
            finding.severity = SnykCodeFindings.severity(result).label();
            findings.add(finding);
        }
        return findings;
    }

    /**
     * The rule's CWEs, then the result's own ({@code properties.cwe}, CWE taxa); the last one found
     * is the finding's CWE, all of them its CWE list.
     */
    private static void applyCwes(Finding finding, JsonNode result, JsonNode rule) {
        List<Integer> all = new ArrayList<>();
        if (rule != null) {
            List<Integer> fromRule = ruleCwes(rule);
            if (!fromRule.isEmpty()) {
                finding.cwe = fromRule.get(fromRule.size() - 1);
            }
            all.addAll(fromRule);
        }
        List<Integer> fromProperties = new ArrayList<>();
        if (result.path("properties").has("cwe")) {
            searchCwe(result.get("properties").get("cwe"), fromProperties);
        }
        if (!fromProperties.isEmpty()) {
            finding.cwe = fromProperties.get(fromProperties.size() - 1);
        }
        all.addAll(fromProperties);
        List<Integer> fromTaxa = taxaCwes(result);
        if (!fromTaxa.isEmpty()) {
            finding.cwe = fromTaxa.get(fromTaxa.size() - 1);
        }
        all.addAll(fromTaxa);
        finding.cwes.addAll(new LinkedHashSet<>(all));
    }

    private static List<Integer> ruleCwes(JsonNode rule) {
        List<Integer> cwes = new ArrayList<>();
        if (rule.path("relationships").isArray()) {
            rule.get("relationships").forEach(relation -> searchCwe(relation.path("target").get("id"), cwes));
            return cwes;
        }
        if (rule.path("properties").has("cwe")) {
            JsonNode values = rule.get("properties").get("cwe");
            if (values.isArray()) {
                values.forEach(value -> searchCwe(value, cwes));
            } else {
                searchCwe(values, cwes);
            }
            return cwes;
        }
        rule.path("properties").path("tags").forEach(tag -> searchCwe(tag, cwes));
        return cwes;
    }

    private static List<Integer> taxaCwes(JsonNode result) {
        List<Integer> cwes = new ArrayList<>();
        for (JsonNode taxon : result.path("taxa")) {
            JsonNode id = taxon.get("id");
            if ("CWE".equals(taxon.path("toolComponent").path("name").asText(null)) && SnykCodeFindings.truthy(id)) {
                try {
                    cwes.add(Integer.valueOf(PythonText.str(id).strip()));
                } catch (NumberFormatException notANumber) {
                    searchCwe(PythonText.str(id), cwes, "CWE-");
                }
            }
        }
        return cwes;
    }

    private static void searchCwe(JsonNode value, List<Integer> cwes) {
        if (value != null && !value.isNull()) {
            searchCwe(PythonText.str(value), cwes, "");
        }
    }

    private static void searchCwe(String value, List<Integer> cwes, String prefix) {
        Matcher match = CWE.matcher(prefix + value);
        if (match.find()) {
            try {
                cwes.add(Integer.valueOf(match.group().substring(4)));
            } catch (NumberFormatException tooLarge) {
                // an id beyond int range is no CWE DefectDojo could store
            }
        }
    }

    private static String references(JsonNode rule) {
        if (rule == null) {
            return null;
        }
        if (rule.has("helpUri")) {
            return PythonText.str(rule.get("helpUri"));
        }
        if (rule.has("help")) {
            String help = text(rule.get("help").get("text"));
            return help != null && help.startsWith("http") ? help : null;
        }
        return null;
    }

    /** Rule and result tags, duplicates removed, "external/cwe/" prefixes dropped. */
    private static List<String> tags(JsonNode rule, JsonNode result) {
        Set<String> tags = new LinkedHashSet<>();
        if (rule != null) {
            rule.path("properties").path("tags").forEach(tag -> tags.add(PythonText.str(tag)));
        }
        result.path("properties").path("tags").forEach(tag -> tags.add(PythonText.str(tag)));
        List<String> cleaned = new ArrayList<>();
        for (String tag : tags) {
            cleaned.add(tag.startsWith("external/cwe/") ? tag.substring("external/cwe/".length()) : tag);
        }
        return cleaned;
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : PythonText.str(value);
    }
}
