package io.findingflow.parsers.checkmarx;

/** The few Python string behaviours DefectDojo's Checkmarx code relies on. */
final class PythonStrings {

    private PythonStrings() {}

    /** f-string / {@code str()} of a value that may be None. */
    static String str(Object value) {
        return value == null ? "None" : value.toString();
    }

    /** {@code str.strip()}: Python's whitespace includes no-break spaces, which Java's strip keeps. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** {@code str.title()}: upper-case letters that follow a non-letter, lower-case the others. */
    static String title(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean previousCased = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean cased = Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c);
            out.append(cased ? (previousCased ? Character.toLowerCase(c) : Character.toTitleCase(c)) : c);
            previousCased = cased;
        }
        return out.toString();
    }
}
