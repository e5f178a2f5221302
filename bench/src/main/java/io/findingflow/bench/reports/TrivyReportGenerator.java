package io.findingflow.bench.reports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A SchemaVersion 2 Trivy image report: four targets (OS and language packages; finding i belongs to
 * target i mod 4), vulnerabilities shaped like real ones (CVSS, CWE, references, fixed versions for
 * two in three).
 */
final class TrivyReportGenerator implements ReportGenerator {

    private static final String[] SEVERITIES = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
    private static final String[] VECTORS = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
        "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
    };
    private static final int TARGETS = 4;

    @Override
    public String scanType() {
        return "Trivy Scan";
    }

    @Override
    public String name() {
        return "trivy";
    }

    @Override
    public String fileName() {
        return "trivy.json";
    }

    @Override
    public Baseline baseline() {
        return JacksonBaselines.JSON;
    }

    @Override
    public long write(OutputStream out, int first, int count) throws IOException {
        try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("SchemaVersion", 2);
            json.writeStringField("ArtifactName", "registry.example.com/app:1.0");
            json.writeStringField("ArtifactType", "container_image");
            json.writeArrayFieldStart("Results");
            for (int target = 0; target < TARGETS; target++) {
                json.writeStartObject();
                json.writeStringField("Target", "app:1.0 (debian 12." + target + ")");
                json.writeStringField("Class", target % 2 == 0 ? "os-pkgs" : "lang-pkgs");
                json.writeStringField("Type", target % 2 == 0 ? "debian" : "jar");
                json.writeArrayFieldStart("Vulnerabilities");
                // a finding's target follows from its number, so a re-found vulnerability is the same finding
                for (int i = first + Math.floorMod(target - first, TARGETS); i < first + count; i += TARGETS) {
                    writeVulnerability(json, i);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return count;
    }

    private static void writeVulnerability(JsonGenerator json, int i) throws IOException {
        json.writeStartObject();
        json.writeStringField("VulnerabilityID", "CVE-20" + (10 + i % 15) + "-" + (100000 + i));
        json.writeStringField("PkgName", "package-" + (i % 997));
        json.writeStringField("PkgPath", "usr/lib/package-" + (i % 997) + ".jar");
        json.writeStringField("InstalledVersion", "1." + (i % 13) + "." + (i % 7));
        if (i % 3 != 0) {
            json.writeStringField("FixedVersion", "1." + (i % 13) + "." + (i % 7 + 1));
        }
        json.writeStringField("Status", i % 3 == 0 ? "affected" : "fixed");
        json.writeStringField("SeveritySource", "nvd");
        json.writeStringField("PrimaryURL", "https://avd.aquasec.com/nvd/cve-" + i);
        json.writeStringField("Title", "package-" + (i % 997) + ": crafted input leads to out-of-bounds read");
        json.writeStringField("Description", "A flaw was found in package-" + (i % 997)
                + ". A remote attacker could send a crafted request that triggers an out-of-bounds read, "
                + "leading to a crash or disclosure of memory contents.");
        json.writeStringField("Severity", SEVERITIES[i % SEVERITIES.length]);
        json.writeArrayFieldStart("CweIDs");
        json.writeString("CWE-" + (100 + i % 700));
        json.writeEndArray();
        json.writeObjectFieldStart("CVSS");
        json.writeObjectFieldStart("nvd");
        json.writeStringField("V3Vector", VECTORS[i % VECTORS.length]);
        json.writeNumberField("V3Score", 7.5);
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("References");
        json.writeString("https://nvd.nist.gov/vuln/detail/CVE-" + i);
        json.writeString("https://security-tracker.debian.org/tracker/CVE-" + i);
        json.writeEndArray();
        json.writeStringField("PublishedDate", "2023-05-01T12:00:00Z");
        json.writeEndObject();
    }
}
