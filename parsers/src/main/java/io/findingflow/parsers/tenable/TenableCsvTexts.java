package io.findingflow.parsers.tenable;

import io.findingflow.parsers.ReportMemo;

/**
 * One copy of each repeated text of a CSV report. Nessus repeats each plugin's description,
 * solution, synopsis and scores on every host it is found on, and findings are held until the last
 * row (rows merge): sharing one copy keeps that heap, and the garbage collector's work, small.
 */
final class TenableCsvTexts {

    private final ReportMemo<String, String> texts = ReportMemo.ofLongTexts(4096);

    /** The first copy of an equal text seen in this report. */
    String shared(String text) {
        return text == null ? null : texts.get(text, same -> same);
    }
}
