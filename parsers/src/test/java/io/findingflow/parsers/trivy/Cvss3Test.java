package io.findingflow.parsers.trivy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Cvss3Test {

    /** Vectors of one length, most differing only inside: the recent-vector slots collide and must still tell them apart. */
    @Test
    void shouldScoreEachVectorTheSameHoweverItsLookupsInterleave() {
        List<String> vectors = new ArrayList<>();
        for (String av : new String[] {"N", "A", "L", "P"}) {
            for (String c : new String[] {"H", "L", "N"}) {
                for (String a : new String[] {"H", "L", "N"}) {
                    vectors.add("CVSS:3.1/AV:" + av + "/AC:L/PR:N/UI:N/S:U/C:" + c + "/I:H/A:" + a);
                }
            }
        }
        vectors.add("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:X");
        vectors.add("not a vector");
        List<String> first = new ArrayList<>();
        for (String vector : vectors) {
            first.add(String.valueOf(Cvss3.parse(new String(vector))));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = vectors.size() - 1; i >= 0; i--) {
                assertThat(String.valueOf(Cvss3.parse(new String(vectors.get(i))))).isEqualTo(first.get(i));
            }
        }
        assertThat(Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").environmentalScore()).isEqualTo(9.8);
        assertThat(Cvss3.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").baseSeverity()).isEqualTo("Critical");
        assertThat(Cvss3.parse("not a vector")).isNull();
    }
}
