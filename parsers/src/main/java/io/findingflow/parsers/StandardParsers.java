package io.findingflow.parsers;

import java.util.List;

/** The explicit list of parsers FindingFlow ships. Add a new parser here, nowhere else. */
final class StandardParsers {

    private StandardParsers() {}

    static List<ScanParser> all() {
        // an array initializer, so every line of the list can end with a comma
        return List.of(new ScanParser[] {
                // PARSER LIST — one line per tool, keep alphabetical by package
                new io.findingflow.parsers.zap.ZapParser(),
                new io.findingflow.parsers.awssecurityhub.AwsSecurityHubParser(),
                new io.findingflow.parsers.azuresecuritycenter.AzureSecurityCenterParser(),
                new io.findingflow.parsers.checkov.CheckovParser(),
                new io.findingflow.parsers.snykcode.SnykCodeParser(),
                new io.findingflow.parsers.sonarqube.SonarQubeParser(),
                new io.findingflow.parsers.qualys.QualysParser(),
                new io.findingflow.parsers.bandit.BanditParser(),
                new io.findingflow.parsers.gitleaks.GitleaksParser(),
                new io.findingflow.parsers.kubebench.KubebenchParser(),
                new io.findingflow.parsers.trufflehog.TrufflehogParser(),
                new io.findingflow.parsers.checkmarx.CheckmarxParser(),
                new io.findingflow.parsers.burpapi.BurpApiParser(),
                new io.findingflow.parsers.tenable.TenableParser(),
                new io.findingflow.parsers.dependencycheck.DependencyCheckParser(),
                new io.findingflow.parsers.semgrep.SemgrepParser(),
                new io.findingflow.parsers.trivy.TrivyParser(),
        });
    }
}
