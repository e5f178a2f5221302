package io.findingflow.parsers.tenable;

import io.findingflow.parsers.CsvDictReader;

/**
 * DefectDojo's severity justification of a Tenable CSV row: the severity and twelve score columns,
 * one line each. It is a function of the severity and the cells of the score columns the header
 * has (the others print "N/A"), which a report repeats per plugin: those few short cells are
 * compared to find a text built before instead of building and sharing twelve lines per row.
 */
final class TenableJustifications {

    private static final int SLOTS = 256;
    /** Slots tried from a key's own: two keys that share one do not evict each other on every row. */
    private static final int PROBES = 4;

    private final int[] scores;
    private final TenableCsvTexts texts;
    /** Per slot: the severity and score cells a text was built from, and the text. */
    private final String[][] keys = new String[SLOTS][];
    private final String[] built = new String[SLOTS];
    private int replaced;

    TenableJustifications(TenableCsvColumns columns, TenableCsvTexts texts) {
        this.scores = columns.scores;
        this.texts = texts;
    }

    String of(String severity, CsvDictReader.Row row) {
        int hash = severity.hashCode();
        for (int column : scores) {
            if (column >= 0) {
                hash = 31 * hash + py(row.cell(column)).hashCode();
            }
        }
        int home = (hash ^ hash >>> 16) & (SLOTS - 1);
        for (int probe = 0; probe < PROBES; probe++) {
            int slot = (home + probe) & (SLOTS - 1);
            String[] key = keys[slot];
            if (key == null) {
                return remember(slot, severity, row);
            }
            if (matches(key, severity, row)) {
                return built[slot];
            }
        }
        return remember((home + (replaced++ % PROBES)) & (SLOTS - 1), severity, row);
    }

    private String remember(int slot, String severity, CsvDictReader.Row row) {
        String[] key = key(severity, row);
        keys[slot] = key;
        built[slot] = texts.shared(text(key));
        return built[slot];
    }

    /** The severity, then per score column its cell, or null where the header has no such column. */
    private String[] key(String severity, CsvDictReader.Row row) {
        String[] key = new String[scores.length + 1];
        key[0] = severity;
        for (int i = 0; i < scores.length; i++) {
            key[i + 1] = scores[i] < 0 ? null : py(row.cell(scores[i]));
        }
        return key;
    }

    private boolean matches(String[] key, String severity, CsvDictReader.Row row) {
        if (!key[0].equals(severity)) {
            return false;
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= 0 && !key[i + 1].equals(py(row.cell(scores[i])))) {
                return false;
            }
        }
        return true;
    }

    private static String text(String[] key) {
        StringBuilder text = new StringBuilder(256).append("Severity: ").append(key[0]).append('\n');
        for (int i = 0; i < TenableCsvColumns.SCORE_COLUMNS.length; i++) {
            String cell = key[i + 1];
            text.append(TenableCsvColumns.SCORE_COLUMNS[i]).append(": ").append(cell == null ? "N/A" : cell).append('\n');
        }
        return text.toString();
    }

    private static String py(String value) {
        return value == null ? "None" : value;
    }
}
