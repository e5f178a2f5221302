package io.findingflow.parsers.qualys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected texts are what html2text (the library DefectDojo uses) prints for the same input. */
class QualysHtmlTest {

    @Test
    void shouldRenderPlainLinesAsParagraphs() {
        assertThat(QualysHtml.text("Type: CONFIRMED")).isEqualTo("Type: CONFIRMED\n\n");
        assertThat(QualysHtml.text("Result Evidence: IP address\tHost name\n64.41.200.243\tdemo13"))
                .isEqualTo("Result Evidence: IP address Host name 64.41.200.243 demo13\n\n");
        assertThat(QualysHtml.text(null)).isEmpty();
    }

    @Test
    void shouldRenderBreaksLinksAndEntities() {
        assertThat(QualysHtml.text("Workaround:<BR>\nDisable &quot;monlist&quot; now.<P>Patch:<BR>\n"
                        + "<A HREF=\"http://example.test/p\" TARGET=\"_blank\">P 1</A>"))
                .isEqualTo("Workaround:  \nDisable \"monlist\" now.\n\nPatch:  \n[P 1](http://example.test/p)\n\n");
        assertThat(QualysHtml.text("x &lt;script&gt; &amp; &nbsp; y &#169; &#x41;"))
                .isEqualTo("x <script> &   y (C) A\n\n");
        assertThat(QualysHtml.text("See <a href=\"https://x.test/\">https://x.test/</a> now"))
                .isEqualTo("See <https://x.test/> now\n\n");
    }

    @Test
    void shouldWrapAt78ColumnsBreakingAfterHyphens() {
        assertThat(QualysHtml.text("Customers are advised to upgrade to a fixed version of \n<A HREF=\""
                        + "http://www.squid-cache.org/Versions/v4/changesets/SQUID-2020_11.patch\">Squid versions 4.14 "
                        + "and 5.0.5</A> to remediate this vulnerability."))
                .isEqualTo("Customers are advised to upgrade to a fixed version of [Squid versions 4.14\n"
                        + "and 5.0.5](http://www.squid-\ncache.org/Versions/v4/changesets/SQUID-2020_11.patch) to "
                        + "remediate this\nvulnerability.\n\n");
    }

    @Test
    void shouldRenderListsAndEscapeListLikeText() {
        assertThat(QualysHtml.text("<ol><li>first</li><li>second<ul><li>inner</li></ul></li></ol>"))
                .isEqualTo("  1. first\n  2. second\n    * inner\n\n");
        assertThat(QualysHtml.text("- leading dash and 1. numbered\n2. second line"))
                .isEqualTo("\\- leading dash and 1. numbered 2\\. second line\n\n");
    }
}
