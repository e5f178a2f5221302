package io.findingflow.parsers.awssecurityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.findingflow.parsers.CorpusFiles;
import io.findingflow.parsers.ParseException;
import io.findingflow.parsers.ParserRegistry;
import io.findingflow.parsers.ScanContext;
import io.findingflow.schemas.Endpoint;
import io.findingflow.schemas.Finding;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsSecurityHubParserTest {

    private static final String SECURITY_HUB = "AWS Security Hub Scan";

    @Test
    void shouldReadPassedControlsAsMitigated() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/config_one_finding.json");

        assertThat(findings).hasSize(1);
        Finding finding = findings.get(0);
        assertThat(finding.title)
                .isEqualTo("IAM.5 MFA should be enabled for all IAM users that have console password - Resource: 012345678912");
        assertThat(finding.severity).isEqualTo("Info");
        assertThat(finding.active).isFalse();
        assertThat(finding.isMitigated).isTrue();
        assertThat(finding.mitigated).isEqualTo("2020-06-14T21:02:53.940000");
        assertThat(finding.references).isEqualTo("https://docs.aws.amazon.com/console/securityhub/IAM.5/remediation");
        assertThat(finding.componentName).isEqualTo("AwsAccount");
        assertThat(finding.impact).isEqualTo("Resource: 012345678912");
        assertThat(finding.uniqueIdFromTool).endsWith("/IAM.5/finding/de861909-2d26-4e45-bd86-19d2ab6ceef1");
        assertThat(finding.description).contains("\n**Resource IDs:** AWS::::Account:012345678912\n")
                .endsWith("**Generator ID:** aws-foundational-security-best-practices/v/1.0.0/IAM.5\n");
        assertThat(finding.endpoints).isEmpty();
        assertThat(finding.hashCode).isEqualTo("9aae528c83f3b782a391a8700db96b478064f075060d0ba3ee9ccbc958e4330f");
    }

    @Test
    void shouldKeepFailedControlsActive() throws ParseException {
        Finding finding = CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/config_one_finding_active.json").get(0);

        assertThat(finding.severity).isEqualTo("Medium");
        assertThat(finding.active).isTrue();
        assertThat(finding.isMitigated).isFalse();
        assertThat(finding.mitigated).isNull();
    }

    @Test
    void shouldCollapseRepeatedIds() throws ParseException {
        assertThat(CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/config_repeated_findings.json")).hasSize(1);
        assertThat(CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/config_many_findings.json")).hasSize(3);
    }

    @Test
    void shouldReadInspectorPackageVulnerabilities() throws ParseException {
        List<Finding> findings = CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/inspector_ec2_cve.json");

        assertThat(findings).hasSize(5);
        Finding finding = findings.get(0);
        assertThat(finding.title).isEqualTo("CVE-2022-3643 - kernel - Resource: i-11111111111111111");
        assertThat(finding.vulnerabilityIds).containsExactly("CVE-2022-3643");
        assertThat(finding.mitigation).isEqualTo("- Update kernel-4.14.301\n\t- yum update kernel\n");
        assertThat(finding.cvssv3).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
        assertThat(finding.severityJustification)
                .isEqualTo("CVSS v3 vector: CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H\nAWS severity: CRITICAL");
        assertThat(finding.endpoints).extracting(Endpoint::host)
                .containsExactly("awsec2instance_arn_aws_ec2_us-east-1_xxxxxxxxxxxx_i-11111111111111111");
        assertThat(finding.description).startsWith("This is an Inspector Finding\nGuests can trigger NIC interface");
    }

    @Test
    void shouldReadGhsaAliasesAndSkipInvalidVectors() throws ParseException {
        Finding ghsa = CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/inspector_ec2_ghsa.json").get(0);
        assertThat(ghsa.vulnerabilityIds).containsExactly("GHSA-p98r-538v-jgw5", "CVE-2023-34256");
        assertThat(ghsa.cvssv3).isNull();
        assertThat(ghsa.hashCode).isEqualTo("1492c89fa1d216b1c899da60487a17b4b8f1001defafe200489c6772808a39de");

        Finding noAccount = CorpusFiles.parse(SECURITY_HUB, "awssecurityhub/missing_account_id.json").get(0);
        assertThat(noAccount.cvssv3).isNull();
        assertThat(noAccount.epssScore).isEqualTo(0.00239);
        assertThat(noAccount.severityJustification).isEqualTo("AWS severity: MEDIUM");
        assertThat(noAccount.description).contains("\n**AwsAccountId:** \n");
    }

    @Test
    void shouldReadGuardDutyAndEcrImages() throws ParseException {
        String report = """
                {"Findings": [
                  {"Id": "gd-1", "Title": "Port scan", "Description": "d", "AwsAccountId": "1", "Region": "r",
                   "GeneratorId": "g", "SourceUrl": "https://console/x", "RecordState": "ARCHIVED",
                   "LastObservedAt": "2024-01-17T11:21:23Z", "Severity": {"Label": "LOW"},
                   "ProductFields": {"aws/securityhub/ProductName": "GuardDuty"},
                   "FindingProviderFields": {"Types": ["TTPs/Discovery/Recon:EC2-Portscan"]},
                   "Resources": [{"Type": "AwsEc2Instance", "Id": "arn:aws:ec2:us-east-1:1:instance/i-9"},
                                 {"Type": "AwsIamAccessKey", "Id": "AWS::IAM::AccessKey:key"}]},
                  {"Id": "insp-1", "Title": "CVE-2023-2650 - openssl", "Severity": {"Label": "MEDIUM"},
                   "ProductFields": {"aws/securityhub/ProductName": "Inspector", "aws/inspector/FindingStatus": "CLOSED"},
                   "Vulnerabilities": [{"Id": "CVE-2023-2650", "EpssScore": 0.0014, "Cvss": [
                     {"BaseVector": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X"}]}],
                   "Resources": [{"Type": "AwsEcrContainerImage",
                     "Id": "arn:aws:ecr:eu-central-1:1:repository/repo-os/sha256:af96",
                     "Details": {"AwsEcrContainerImage": {"RegistryId": "1", "RepositoryName": "repo-os",
                       "ImageDigest": "sha256:af96", "ImageTags": ["a", "b"]}}}]}]}
                """;
        Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);

        List<Finding> findings = ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)),
                new ScanContext(SECURITY_HUB, Map.of(), clock));

        Finding guardDuty = findings.get(0);
        assertThat(guardDuty.title).isEqualTo("Port scan - Resource: key");
        assertThat(guardDuty.active).isTrue();
        assertThat(guardDuty.isMitigated).isTrue();
        // DefectDojo's fallback format reads the seconds of "…T11:21:23Z" as a fraction
        assertThat(guardDuty.mitigated).isEqualTo("2024-01-17T11:21:00.230000");
        assertThat(guardDuty.mitigation).isEqualTo("TTPs/Discovery/Recon:EC2-Portscan\n"
                + "[https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-active.html]"
                + "(https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-active.html)");
        assertThat(guardDuty.description).isEqualTo("This is a GuardDuty Finding\nd\n**AWS Finding ARN:** gd-1\n"
                + "**SourceURL:** [https://console/x](https://console/x)\n**AwsAccountId:** 1\n**Region:** r\n"
                + "**Generator ID:** g\n");
        assertThat(guardDuty.endpoints).extracting(Endpoint::host)
                .containsExactly("awsec2instance_arn_aws_ec2_us-east-1_1_instance_i-9");

        Finding image = findings.get(1);
        assertThat(image.title).isEqualTo("CVE-2023-2650 - openssl - Image: repo-os/sha256:af96");
        assertThat(image.impact).isEqualTo("Image ARN: arn:aws:ecr:eu-central-1:1:repository/repo-os/sha256:af96\n"
                + "Registry: 1\nRepository: repo-os\nImage digest: sha256:af96\nImage tags: a,b");
        assertThat(image.epssScore).isEqualTo(0.0014);
        assertThat(image.cvssv4).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        assertThat(image.active).isFalse();
        assertThat(image.mitigated).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(image.componentName).isEqualTo("AwsEcrContainerImage");
    }

    @Test
    void shouldRejectReportsWithoutFindings() {
        assertThatThrownBy(() -> parse("{\"Other\": []}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("no \"Findings\" list");
        assertThatThrownBy(() -> parse("{\"Findings\": [{\"Title\": \"no id\"}]}"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("without a textual \"Id\"");
        assertThatThrownBy(() -> parse("{\"Findings\": [{\"Id\": \"x\", "))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Invalid AWS Security Hub report at line 1");
    }

    private static List<Finding> parse(String report) throws ParseException {
        return ParserRegistry.standard().parseAll(
                new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), ScanContext.of(SECURITY_HUB));
    }
}
