package io.findingflow.parsers.tenable;

import io.findingflow.parsers.ReportMemo;

/**
 * One copy of each repeated text of a CSV report. Nessus repeats each plugin's name, description,
 * solution, synopsis and scores on every host it is found on, and findings are held until the last
 * row (rows merge): sharing one copy keeps that heap, and the garbage collector's work, small.
 */
final class TenableCsvTexts {

    private static final int RECENT_SLOTS = 256;

    private final ReportMemo<String, String> texts = ReportMemo.ofLongTexts(4096);
    /**
     * The texts seen last, by a hash of their length and two characters: a text that is already
     * shared is found with one comparison instead of hashing all its characters for the memo.
     * Collisions only cost the memo lookup.
     */
    private final String[] recent = new String[RECENT_SLOTS];

    /** The first copy of an equal text seen in this report. */
    String shared(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int slot = length == 0 ? 0
                : (length * 31 + text.charAt(length >>> 1) * 7 + text.charAt(length - 1)) & (RECENT_SLOTS - 1);
        String seen = recent[slot];
        if (seen != null && seen.equals(text)) {
            return seen;
        }
        String first = texts.get(text, same -> same);
        recent[slot] = first;
        return first;
    }
}
