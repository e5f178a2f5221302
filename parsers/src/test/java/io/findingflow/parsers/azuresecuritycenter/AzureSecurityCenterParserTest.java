package io.findingflow.parsers.azuresecuritycenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzureSecurityCenterParserTest {

    private static final String AZURE = "Azure Security Center Recommendations Scan";
    private static final String HEADER = "subscriptionId,subscriptionName,resourceGroup,resourceType,resourceName,"
            + "recommendationId,recommendationName,recommendationDisplayName,description,remediationSteps,severity,"
            + "state,statusChangeDate,controls,azurePortalRecommendationLink,nativeCloudAccountId\n";

    @Test
    void shouldReadUnhealthyRecommendations() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(AZURE, "azure_security_center_recommendations/many_vulns.csv");

        assertThat(findings).hasSize(3);
        Finding first = findings.get(0);
        assertThat(first.title).isEqualTo("my_virtual_network - Virtual networks should be protected by Azure Firewall");
        assertThat(first.severity).isEqualTo("Low");
        assertThat(first.cwe).isEqualTo(1032);
        assertThat(first.date).isEqualTo("2021-09-28");
        assertThat(first.vulnIdFromTool).isEqualTo("f67fb4ed-d481-44d7-91e5-efadf504f74a");
        assertThat(first.uniqueIdFromTool).endsWith("/providers/Microsoft.Security/assessments/f67fb4ed-d481-44d7-91e5-efadf504f74a");
        assertThat(first.description).contains("**Resource Group:** my_resource_group\n")
                .contains("\n**Controls:** Restrict unauthorized network access\n");
        assertThat(first.hashCode).isEqualTo("cf9a1291f0e4170312aeb64cf3e95b2f8254a6b1520a25f9904952530faeb26f");
        Finding subscription = findings.get(1);
        assertThat(subscription.title).startsWith("My first subscription - ");
        assertThat(subscription.description).endsWith("\n**Native Cloud Account Id:** my_native_cloud_id");
    }

    @Test
    void shouldSkipHealthyRowsAndKeepQuotedNewlines() throws ParseException {
        String csv = HEADER
                + "s1,Sub,,vm,res,rid-1,name-1,Display,\"two\nlines\",steps,High,Healthy,2022-01-02T00:00:00Z,,link,\n"
                + "s1,Sub,,vm,s1,rid-2,name-2,Display,\"two\nlines\",steps,Medium,UNHEALTHY,2022-01-03T00:00:00Z,"
                + "\"{\"\"Enable MFA\"\": 1}\",link,\n";

        List<Finding> findings = parse(csv);

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("Sub - Display");
        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.date).isEqualTo("2022-01-03");
        assertThat(finding.description).isEqualTo("**Recommendation:** Display\n**Resource Name:** Sub\n"
                + "**Resource Type:** vm\n**Description:** two\nlines\n**Controls:** Enable MFA\n"
                + "**Subscription:** Sub\n**Subscription Id:** s1");
    }

    @Test
    void shouldRejectFilesThatAreNotRecommendationExports() {
        assertThatThrownBy(() -> parse("a,b\n1,2\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("no \"state\" column");
        assertThatThrownBy(() -> parse(HEADER + "s,S,,t,n,id,nm,d,desc,steps,High,Unhealthy,yesterday,,l,\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("statusChangeDate");
        assertThatThrownBy(() -> parse(HEADER + "s,S,,t,n,id,nm,d,\"unterminated"))
                .isInstanceOf(ParseException.class);
    }

    private static List<Finding> parse(String csv) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ScanContext.of(AZURE));
    }
}
