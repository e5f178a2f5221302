package io.findingflow.jobs.lifecycle.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.jobs.lifecycle.records.ReportedFinding;
import io.findingflow.schemas.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming decode against the tree reads it replaced, on ordinary and odd JSON. */
class ReportedFindingsTest {

    /** The tree reads of ImportApplier.fromReport before the streaming decode. */
    private static ReportedFinding fromTree(String finding) throws Exception {
        JsonNode json = Json.mapper().readTree(finding);
        ReportedFinding f = new ReportedFinding();
        f.title = text(json, "title");
        f.severity = json.path("severity").asText("Info");
        f.date = text(json, "date");
        f.hashCode = text(json, "hash_code");
        f.uniqueIdFromTool = text(json, "unique_id_from_tool");
        f.cwe = json.path("cwe").asLong(0);
        f.componentName = text(json, "component_name");
        f.filePath = text(json, "file_path");
        f.active = json.path("active").asBoolean(true);
        f.verified = json.path("verified").asBoolean(false);
        f.falseP = json.path("false_p").asBoolean(false);
        f.outOfScope = json.path("out_of_scope").asBoolean(false);
        f.riskAccepted = json.path("risk_accepted").asBoolean(false);
        f.isMitigated = json.path("is_mitigated").asBoolean(false);
        f.mitigated = text(json, "mitigated");
        return f;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static final List<String> FINDINGS = List.of(
            "{}",
            "{\"title\":\"SQL injection in é\\u00e9 \\\"q\\\"\",\"severity\":\"High\",\"date\":\"2024-03-01\","
                    + "\"hash_code\":\"abc\",\"unique_id_from_tool\":\"u-1\",\"cwe\":89,\"component_name\":\"lib\","
                    + "\"file_path\":\"/a/b\",\"active\":true,\"verified\":true,\"false_p\":false,"
                    + "\"out_of_scope\":false,\"risk_accepted\":false,\"is_mitigated\":true,"
                    + "\"mitigated\":\"2024-03-02T10:11:12Z\",\"endpoints\":[{\"host\":\"x\",\"port\":1}],"
                    + "\"references\":{\"a\":[1,2,{\"b\":null}]},\"cvssv3_score\":7.5}",
            "{\"title\":null,\"severity\":null,\"date\":null,\"hash_code\":null,\"unique_id_from_tool\":null,"
                    + "\"cwe\":null,\"component_name\":null,\"file_path\":null,\"active\":null,\"verified\":null,"
                    + "\"false_p\":null,\"out_of_scope\":null,\"risk_accepted\":null,\"is_mitigated\":null,"
                    + "\"mitigated\":null}",
            "{\"title\":42,\"severity\":3.5,\"date\":true,\"hash_code\":[1],\"unique_id_from_tool\":{\"x\":1},"
                    + "\"cwe\":\"79\",\"component_name\":1.0E3,\"active\":\"false\",\"verified\":1,\"false_p\":\"true\","
                    + "\"out_of_scope\":0,\"risk_accepted\":[],\"is_mitigated\":{},\"mitigated\":12}",
            "{\"cwe\":12.9,\"severity\":\"\",\"title\":\"\",\"active\":false}",
            "{\"cwe\":123456789012345678901234567890,\"verified\":true}",
            "{\"title\":\"first\",\"title\":\"second\",\"cwe\":1,\"cwe\":2}",
            "{\"nested\":{\"title\":\"not me\",\"hash_code\":\"no\"},\"title\":\"me\"}");

    @Test
    void shouldDecodeEveryFieldAsTheTreeReadsDid() throws Exception {
        for (String finding : FINDINGS) {
            assertThat(ReportedFindings.fromJson(finding)).as(finding)
                    .usingRecursiveComparison().isEqualTo(fromTree(finding));
        }
    }

    @Test
    void shouldGiveTheTreeDefaultsForANonObject() throws Exception {
        assertThat(ReportedFindings.fromJson("[1,2]")).usingRecursiveComparison().isEqualTo(fromTree("[1,2]"));
    }
}
