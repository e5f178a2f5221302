package io.findingflow.parsers;

/**
 * Python's {@code str.casefold()} for the characters scan reports contain. Java has no full case
 * folding: lower(upper(c)) per code point matches it except for the few characters handled here
 * (ß folds to "ss", dotless ı and dotted İ keep Python's results, final sigma is not contextual).
 */
final class CaseFold {

    private CaseFold() {}

    static String fold(String text) {
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
                                    out.appendCodePoint(
                                            Character.toLowerCase(Character.toUpperCase(cp)));
                            }
                        });
        return out.toString();
    }
}
