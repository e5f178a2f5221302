package io.findingflow.schemas.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Generates Trivy (SchemaVersion 2) reports with a chosen set of vulnerabilities. */
public final class TrivyReports {

    private static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN");

    private TrivyReports() {}

    /** Vulnerabilities numbered {@code from} … {@code to - 1}; severity cycles through Trivy's five. */
    public static byte[] report(int from, int to) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("SchemaVersion", 2);
        root.put("ArtifactName", "findingflow/test:latest");
        root.put("ArtifactType", "container_image");
        ArrayNode results = root.putArray("Results");
        ObjectNode result = results.addObject();
        result.put("Target", "findingflow/test:latest (debian 12)");
        result.put("Class", "os-pkgs");
        result.put("Type", "debian");
        ArrayNode vulns = result.putArray("Vulnerabilities");
        for (int i = from; i < to; i++) {
            ObjectNode v = vulns.addObject();
            v.put("VulnerabilityID", "CVE-2099-" + (10000 + i));
            v.put("PkgName", "pkg" + i);
            v.put("InstalledVersion", "1.0." + i);
            v.put("FixedVersion", "1.1." + i);
            v.put("Title", "Test vulnerability " + i);
            v.put("Description", "Synthetic vulnerability number " + i + " for FindingFlow tests.");
            v.put("Severity", SEVERITIES.get(i % SEVERITIES.size()));
            v.putArray("References").add("https://example.invalid/CVE-2099-" + (10000 + i));
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
