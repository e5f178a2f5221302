package io.findingflow.parsers.awssecurityhub;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.parsers.PythonText;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.EndpointCleaner;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Severity;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the three kinds of ASFF findings share: field access with DefectDojo's defaults, resources, dates. */
final class AsffFields {

    /** Python's {@code %Y-%m-%dT%H:%M:%S.%fZ}. */
    private static final Pattern WITH_FRACTION =
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})T(\\d{1,2}):(\\d{1,2}):(\\d{1,2})\\.(\\d{1,6})Z");
    /**
     * DefectDojo's fallback {@code %Y-%m-%dT%H:%M:%fZ}: on "…T08:34:29Z" the seconds are read as a
     * fraction (08:34:00.29), which is what DefectDojo stores.
     */
    private static final Pattern WITHOUT_SECONDS =
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})T(\\d{1,2}):(\\d{1,2}):(\\d{1,6})Z");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private AsffFields() {}

    /** {@code finding.get(key, fallback)} as an f-string prints it: null as "None". */
    static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null ? fallback : PythonText.str(value);
    }

    /** A value DefectDojo only uses when truthy: null for missing, null, "" and other falsy values. */
    static String truthy(JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())
                || (value.isContainerNode() && value.isEmpty()) || (value.isBoolean() && !value.booleanValue())) {
            return null;
        }
        return PythonText.str(value);
    }

    static Finding base(JsonNode node) {
        Finding finding = new Finding();
        finding.uniqueIdFromTool = text(node, "Id", "");
        String label = text(node.path("Severity"), "Label", "INFORMATIONAL");
        finding.severity = Severity.from(label).label();
        finding.verified = false;
        finding.falseP = false;
        finding.staticFinding = true;
        finding.dynamicFinding = false;
        return finding;
    }

    static String severityLabel(JsonNode node) {
        return text(node.path("Severity"), "Label", "INFORMATIONAL");
    }

    static String recommendationUrl(JsonNode node) {
        return truthy(node.path("Remediation").path("Recommendation").get("Url"));
    }

    /** Marks {@code finding} mitigated at {@code LastObservedAt}, or now when it has none. */
    static void mitigate(Finding finding, JsonNode node, Clock clock) {
        finding.isMitigated = true;
        String lastObserved = truthy(node.get("LastObservedAt"));
        LocalDateTime at = lastObserved == null ? null : parseTimestamp(lastObserved);
        finding.mitigated = at != null
                ? pythonIsoFormat(at)
                : OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).toString();
    }

    private static LocalDateTime parseTimestamp(String text) {
        Matcher full = WITH_FRACTION.matcher(text);
        if (full.matches()) {
            return timestamp(full, Integer.parseInt(full.group(6)), full.group(7));
        }
        Matcher minutes = WITHOUT_SECONDS.matcher(text);
        if (minutes.matches()) {
            return timestamp(minutes, 0, minutes.group(6));
        }
        return null;
    }

    private static LocalDateTime timestamp(Matcher m, int second, String fraction) {
        try {
            int micros = Integer.parseInt((fraction + "00000").substring(0, 6));
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    second, micros * 1000);
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code datetime.isoformat()} of a naive datetime: microseconds only when non-zero. */
    private static String pythonIsoFormat(LocalDateTime at) {
        String text = at.format(NAIVE);
        int micros = at.getNano() / 1000;
        return micros == 0 ? text : text + String.format(".%06d", micros);
    }

    /** The resource walk of every kind: the last resource names the component and the title suffix. */
    static Resources resources(JsonNode node, boolean imageTags) {
        Resources summary = new Resources();
        for (JsonNode resource : node.path("Resources")) {
            summary.componentName = resource.hasNonNull("Type") ? PythonText.str(resource.get("Type")) : null;
            String id = PythonText.str(resource.get("Id"));
            if ("AwsEcrContainerImage".equals(summary.componentName)) {
                JsonNode details = resource.path("Details").get("AwsEcrContainerImage");
                if (truthy(details) != null) {
                    summary.impact.add("Image ARN: " + id);
                    summary.impact.add("Registry: " + PythonText.str(details.get("RegistryId")));
                    summary.impact.add("Repository: " + PythonText.str(details.get("RepositoryName")));
                    summary.impact.add("Image digest: " + PythonText.str(details.get("ImageDigest")));
                    if (imageTags) {
                        List<String> tags = new ArrayList<>();
                        details.path("ImageTags").forEach(tag -> tags.add(PythonText.str(tag)));
                        summary.impact.add("Image tags: " + String.join(",", tags));
                    }
                }
                int slash = id.indexOf('/');
                summary.titleSuffix = " - Image: " + (slash >= 0 ? id.substring(slash + 1) : id);
            } else {
                String resourceId = id.substring(id.lastIndexOf(':') + 1);
                summary.impact.add("Resource: " + resourceId);
                summary.titleSuffix = " - Resource: " + resourceId;
            }
        }
        return summary;
    }

    /** DefectDojo's host for a resource: "{Type}_{Id}" with ':' and '/' made '_'. */
    static Endpoint host(JsonNode resource) {
        String host = PythonText.str(resource.get("Type")) + "_" + PythonText.str(resource.get("Id"));
        return EndpointCleaner.of("", host.replace(':', '_').replace('/', '_'), null, "", "", "");
    }

    static final class Resources {
        String componentName;
        final List<String> impact = new ArrayList<>();
        String titleSuffix = "";
    }
}
