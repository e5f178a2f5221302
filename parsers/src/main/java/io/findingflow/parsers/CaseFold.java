package io.findingflow.parsers;

/**
 * Python's {@code str.casefold()} for the characters scan reports contain. Java has no full case
 * folding: lower(upper(c)) per code point matches it except for the few characters handled here
 * (ß folds to "ss", dotless ı and dotted İ keep Python's results, final sigma is not contextual).
 */
final class CaseFold {

    private CaseFold() {}

    static String fold(String text) {
        if (isAscii(text)) {
            // hash_code folds every finding's text: skip the per-code-point path when it cannot matter
            return text.toLowerCase(java.util.Locale.ROOT);
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp -> {
                            switch (cp) {
                                case 0x00DF: // ß
                                case 0x1E9E: // ẞ
                                    out.append("ss");
                                    break;
                                case 0x0131: // ı stays ı
                                    out.appendCodePoint(cp);
                                    break;
                                case 0x0130: // İ → i + combining dot above
                                    out.append("i\u0307");
                                    break;
                                default:
                                    // full (multi-character) upper case first: ŉ → ʼN → ʼn, ǰ → J̌ → ǰ
                                    out.append(new String(Character.toChars(cp))
                                            .toUpperCase(java.util.Locale.ROOT)
                                            .toLowerCase(java.util.Locale.ROOT));
                            }
                        });
        return out.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
