package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Cvss4MetricsTest {

    private static Map<String, String> metrics(String... pairs) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (String pair : pairs) {
            metrics.put(pair.split(":")[0], pair.split(":")[1]);
        }
        return metrics;
    }

    @Test
    void cleansIntoSpecificationOrderWithoutXValues() {
        Map<String, String> given = metrics("SA:N", "E:X", "AV:N", "AC:L", "AT:N", "PR:N", "UI:N", "VC:H", "VI:H",
                "VA:H", "SC:N", "SI:N", "CR:H", "U:Amber");
        assertThat(Cvss4Metrics.hasBaseMetrics(given)).isTrue();
        assertThat(Cvss4Metrics.cleaned(given))
                .isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/U:Amber");
    }

    @Test
    void knowsEachMetricsValuesAndTheBaseMetrics() {
        assertThat(Cvss4Metrics.isValid("MSI", "S")).isTrue();
        assertThat(Cvss4Metrics.isValid("SI", "S")).as("S only for the modified metrics").isFalse();
        assertThat(Cvss4Metrics.isValid("XX", "N")).isFalse();
        assertThat(Cvss4Metrics.isMetric("RE")).isTrue();
        assertThat(Cvss4Metrics.hasBaseMetrics(metrics("AV:N", "AC:L"))).isFalse();
    }
}
