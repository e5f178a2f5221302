package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Cvss3VectorTest {

    @Test
    void shouldScoreBaseTemporalAndEnvironmentalMetrics() {
        Cvss3Vector qualys = Cvss3Vector.parse("CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:U/RC:C");
        assertThat(qualys.baseScore()).isEqualTo(8.1);
        assertThat(qualys.temporalScore()).isEqualTo(7.4);
        assertThat(qualys.environmentalScore()).isEqualTo(7.4);

        assertThat(Cvss3Vector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").baseScore()).isEqualTo(9.8);
        assertThat(Cvss3Vector.parse("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H").baseScore()).isEqualTo(9.9);
        assertThat(Cvss3Vector.parse("CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/E:U/RL:O/RC:C").environmentalScore())
                .isEqualTo(8.6);
        Cvss3Vector environmental = Cvss3Vector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C"
                + "/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:N/MUI:N/MS:U/MC:H/MI:H/MA:H");
        assertThat(environmental.temporalScore()).isEqualTo(8.8);
        assertThat(environmental.environmentalScore()).isEqualTo(8.8);
        assertThat(Cvss3Vector.parse("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H/MS:C").environmentalScore())
                .isEqualTo(8.8);
        assertThat(Cvss3Vector.parse("CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N").baseScore()).isZero();
    }

    @Test
    void shouldCleanTheVectorIntoCanonicalOrderWithoutUndefinedMetrics() {
        assertThat(Cvss3Vector.parse("CVSS:3.1/S:U/AV:N/C:H/AC:L/PR:N/UI:R/I:N/A:N/E:X/RC:C").cleanVector())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N/RC:C");
    }

    @Test
    void shouldRejectWhatTheLibraryRejects() {
        assertThatThrownBy(() -> Cvss3Vector.parse("AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cvss3Vector.parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"))
                .hasMessageContaining("Missing mandatory");
        assertThatThrownBy(() -> Cvss3Vector.parse("CVSS:3.0/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cvss3Vector.parse("CVSS:3.0/AV:N/AC:M/Au:N/C:C/I:C/A:C"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Cvss3Vector.parseOrNull("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/")).isNull();
    }

    @Test
    void shouldFindAVectorInText() {
        assertThat(Cvss3Vector.firstInText("score 9.8 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (critical)").cleanVector())
                .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(Cvss3Vector.firstInText("CVSS:3.0/")).isNull();
        assertThat(Cvss3Vector.firstInText(null)).isNull();
    }
}
