package io.findingflow.parsers.zap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownWrapTest {

    /** Expected lines from Python's textwrap.wrap(text, 78, break_long_words=False[, subsequent_indent]). */
    @Test
    void shouldBreakLinesAfterHyphensAsTextwrapDoes() {
        assertThat(MarkdownWrap.wrap("A flaw was found in out-of-bounds handling of the Content-Security-Policy header "
                + "-- a well-known issue affecting e-mail and cross-site request forgery protections in many "
                + "frameworks.", "")).containsExactly(
                "A flaw was found in out-of-bounds handling of the Content-Security-Policy",
                "header -- a well-known issue affecting e-mail and cross-site request forgery",
                "protections in many frameworks.");
        assertThat(MarkdownWrap.wrap("supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-and-"
                + "more-words-in-a-row then some x---y and a--b text to wrap around the width limit of seventy-eight.",
                "")).containsExactly(
                "supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-and-",
                "more-words-in-a-row then some x---y and a--b text to wrap around the width",
                "limit of seventy-eight.");
        assertThat(MarkdownWrap.wrap("  * a list item that is long enough to wrap with a subsequent indent, "
                + "well-known and e-mail-ready text goes here", "    ")).containsExactly(
                "  * a list item that is long enough to wrap with a subsequent indent, well-",
                "    known and e-mail-ready text goes here");
    }

    @Test
    void shouldKeepWordsWithoutHyphensWholeAndDropTrailingSpace() {
        assertThat(MarkdownWrap.wrap("Phase: Architecture and Design\tUse a vetted library or framework that does not "
                + "allow this weakness to occur   ", "")).containsExactly(
                "Phase: Architecture and Design  Use a vetted library or framework that does",
                "not allow this weakness to occur");
    }
}
