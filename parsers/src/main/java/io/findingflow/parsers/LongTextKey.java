package io.findingflow.parsers;

/**
 * A text as a hash key, with a cheaper hash. On JDK 17 {@code String.hashCode} is one serial
 * multiply-add per character, which for texts of a few hundred characters cost more than the
 * conversion a memo saves; this one reads every character too, but into four independent sums the
 * processor runs side by side. Equality stays {@code String.equals}.
 */
public final class LongTextKey {

    private final String text;
    private final int hash;

    public LongTextKey(String text) {
        this.text = text;
        int length = text.length();
        int h0 = length;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = 0;
        for (; i + 3 < length; i += 4) {
            h0 = 31 * h0 + text.charAt(i);
            h1 = 31 * h1 + text.charAt(i + 1);
            h2 = 31 * h2 + text.charAt(i + 2);
            h3 = 31 * h3 + text.charAt(i + 3);
        }
        for (; i < length; i++) {
            h0 = 31 * h0 + text.charAt(i);
        }
        this.hash = ((h0 * 31 + h1) * 31 + h2) * 31 + h3;
    }

    public String text() {
        return text;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LongTextKey key && key.hash == hash && key.text.equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
