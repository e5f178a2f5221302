package io.findingflow.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;

/**
 * A finding as a parser produces it: DefectDojo's unsaved {@code Finding} with its attribute names
 * (snake_case in JSON). Mutable on purpose: parsers fill it field by field, as DefectDojo's do.
 *
 * <p>{@code cwe} keeps DefectDojo's distinction between 0 (the model default, never set) and null
 * (the parser set None): both take part in {@code hash_code} differently ("0" vs "None").
 * {@code date} is an ISO date ("2024-01-31") or an ISO timestamp with offset, null when the parser
 * never sets it (the importer then uses the scan date).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({
    "title", "severity", "description", "mitigation", "references", "impact", "cwe", "cwes",
    "vulnerability_ids", "tags", "component_name", "component_version", "file_path", "line", "date",
    "unique_id_from_tool", "vuln_id_from_tool", "static_finding", "dynamic_finding", "active",
    "verified", "false_p", "out_of_scope", "is_mitigated", "mitigated", "nb_occurences", "cvssv3",
    "cvssv3_score", "cvssv4", "cvssv4_score", "epss_score", "service", "url", "scanner_confidence",
    "severity_justification", "fix_available", "sast_source_object", "sast_sink_object",
    "sast_source_line", "sast_source_file_path", "endpoints", "req_resp", "hash_code"
})
public class Finding {
    public String title;
    /** One of Critical, High, Medium, Low, Info (see {@link Severity#from}). */
    public String severity = Severity.INFO.label();
    public String description;
    public String mitigation;
    /** A string, except where DefectDojo's parser itself stores a list (Qualys XML). */
    public Object references;
    public String impact;
    public Integer cwe = 0;
    public List<Integer> cwes = new ArrayList<>();
    public List<String> vulnerabilityIds = new ArrayList<>();
    public List<String> tags = new ArrayList<>();
    public String componentName;
    public String componentVersion;
    public String filePath;
    public Integer line;
    public String date;
    public String uniqueIdFromTool;
    public String vulnIdFromTool;
    public boolean staticFinding;
    public boolean dynamicFinding;
    public boolean active = true;
    public boolean verified;
    public boolean falseP;
    public boolean outOfScope;
    public boolean isMitigated;
    public String mitigated;
    public Integer nbOccurences;
    public String cvssv3;
    public Double cvssv3Score;
    public String cvssv4;
    public Double cvssv4Score;
    public Double epssScore;
    public String service;
    public String url;
    public Integer scannerConfidence;
    public String severityJustification;
    public Boolean fixAvailable;
    public String sastSourceObject;
    public String sastSinkObject;
    public Integer sastSourceLine;
    public String sastSourceFilePath;
    public List<Endpoint> endpoints = new ArrayList<>();
    public List<ReqResp> reqResp = new ArrayList<>();
    public String hashCode;

    /** Adds a cleaned URL location; locations without a host are left out, as DefectDojo does. */
    public void addEndpoint(Endpoint endpoint) {
        if (endpoint != null) {
            endpoints.add(endpoint);
        }
    }
}
