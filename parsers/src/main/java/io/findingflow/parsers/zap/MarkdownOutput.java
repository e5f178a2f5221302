package io.findingflow.parsers.zap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * html2text's output side: the pieces written so far and the {@code o()} rules that decide the
 * whitespace, paragraph breaks and blockquote/pre prefixes in front of each piece.
 */
final class MarkdownOutput {

    static final String NBSP_PLACEHOLDER = "&nbsp_place_holder;";

    /** An open list: its kind ("ul"/"ol") and the last number used. */
    static final class ListState {
        final String name;
        int num;

        ListState(String name, int num) {
            this.name = name;
            this.num = num;
        }
    }

    /** The lists open around the current position (pre blocks are indented by their depth). */
    final List<ListState> lists = new ArrayList<>();
    final Map<String, String> abbreviations = new LinkedHashMap<>();
    int quiet;
    /** How many newlines to write before the next piece ({@code p_p}). */
    int breaks;
    boolean start = true;
    /** Whether the previous tag was a list tag (nested lists get no paragraph break). */
    boolean lastWasList;
    boolean space;
    int blockquote;
    boolean pre;
    boolean startPre;
    String brToggle = "";
    String abbrData;
    private final List<String> pieces = new ArrayList<>();
    private boolean lastWasNewline;

    void p() {
        breaks = 2;
    }

    void pbr() {
        if (breaks == 0) {
            breaks = 1;
        }
    }

    void softBr() {
        pbr();
        brToggle = "  ";
    }

    void o(String data) {
        write(data, false, false, false);
    }

    /** {@code o(data, force=True)}: written even when empty. */
    void forced(String data) {
        write(data, false, true, false);
    }

    /** {@code o(data, puredata=True)}: text, whose whitespace runs collapse to one space. */
    void text(String data) {
        write(data, true, false, false);
    }

    /** The end of the document: a last break and the abbreviation definitions; returns the text. */
    String finish() {
        pbr();
        write("", false, true, true);
        return String.join("", pieces).replace(NBSP_PLACEHOLDER, " ");
    }

    /** True when the last piece written is exactly {@code text} (then removes it if asked). */
    boolean lastPieceIs(String text, boolean remove) {
        boolean match = !pieces.isEmpty() && pieces.get(pieces.size() - 1).equals(text);
        if (match && remove) {
            pieces.remove(pieces.size() - 1);
        }
        return match;
    }

    private void write(String text, boolean pureData, boolean forced, boolean end) {
        String data = text;
        if (abbrData != null) {
            abbrData += data;
        }
        if (quiet != 0) {
            return;
        }
        if (pureData && !pre) {
            data = MarkdownWrap.collapseWhitespace(data);
            if (!data.isEmpty() && data.charAt(0) == ' ') {
                space = true;
                data = data.substring(1);
            }
        }
        if (data.isEmpty() && !forced) {
            return;
        }
        if (startPre && !data.startsWith("\n") && !data.startsWith("\r\n")) {
            data = "\n" + data;
        }
        // an unbalanced </blockquote> drives the depth negative: Python repeats nothing but the
        // depth still counts as true
        String bq = ">".repeat(Math.max(0, blockquote));
        if (!(forced && !data.isEmpty() && data.charAt(0) == '>') && blockquote != 0) {
            bq += " ";
        }
        if (pre) {
            if (lists.isEmpty()) {
                bq += "    ";
            }
            bq += "    ".repeat(lists.size());
            data = data.replace("\n", "\n" + bq);
        }
        if (startPre) {
            startPre = false;
            if (!lists.isEmpty()) {
                data = data.replaceFirst("^\n+", "");
            }
        }
        if (start) {
            space = false;
            breaks = 0;
            start = false;
        }
        if (end) {
            breaks = 0;
            out("\n");
            space = false;
        }
        if (breaks > 0) {
            out((brToggle + "\n" + bq).repeat(breaks));
            space = false;
            brToggle = "";
        }
        if (space) {
            if (!lastWasNewline) {
                out(" ");
            }
            space = false;
        }
        if (end) {
            abbreviations.forEach((abbr, definition) -> out("  *[" + abbr + "]: " + definition + "\n"));
        }
        breaks = 0;
        out(data);
    }

    private void out(String s) {
        pieces.add(s);
        if (!s.isEmpty()) {
            lastWasNewline = s.charAt(s.length() - 1) == '\n';
        }
    }
}
