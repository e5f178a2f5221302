package io.findingflow.jobs.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one line of ClickHouse's TabSeparated format: values separated by tabs, strings escaped
 * as ClickHouse reads them (backslash, tab, line feed, carriage return, NUL, backspace and form
 * feed as backslash sequences; every other byte, UTF-8 included, as it is), NULL as {@code \N}.
 * Escaping works on UTF-8 bytes: every byte it changes is ASCII, and multi-byte UTF-8 sequences
 * never contain ASCII bytes.
 */
public final class TabSeparatedLine {

    private byte[] bytes;
    private int length;
    private boolean first = true;

    public TabSeparatedLine(int expectedBytes) {
        bytes = new byte[Math.max(16, expectedBytes)];
    }

    public TabSeparatedLine number(long value) {
        separate();
        if (value >= 0 && value < 10) {
            put((byte) ('0' + value));
        } else {
            ascii(Long.toString(value));
        }
        return this;
    }

    public TabSeparatedLine bit(boolean value) {
        separate();
        put((byte) (value ? '1' : '0'));
        return this;
    }

    /** A string value; null is written as {@code \N} (for Nullable columns). */
    public TabSeparatedLine text(String value) {
        separate();
        if (value == null) {
            writeNull();
        } else if (isPlainAscii(value)) {
            ensure(value.length());
            for (int i = 0; i < value.length(); i++) {
                bytes[length++] = (byte) value.charAt(i);
            }
        } else {
            escape(value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A string value given as UTF-8 bytes; null is written as {@code \N}. */
    public TabSeparatedLine utf8(byte[] value) {
        separate();
        if (value == null) {
            writeNull();
        } else {
            escape(value);
        }
        return this;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void writeNull() {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = 'N';
    }

    /** Copies runs of bytes that need no escaping in one go: most of a JSON body is one run. */
    private void escape(byte[] value) {
        int run = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            if (b != '\\' && (b < 0 || b >= 0x20)) {
                continue; // printable ASCII or part of a multi-byte UTF-8 sequence (negative as a byte)
            }
            byte escaped = escapeOf(b);
            if (escaped != 0) {
                copy(value, run, i);
                ensure(2);
                bytes[length++] = '\\';
                bytes[length++] = escaped;
                run = i + 1;
            }
        }
        copy(value, run, value.length);
    }

    private void copy(byte[] value, int from, int to) {
        ensure(to - from);
        System.arraycopy(value, from, bytes, length, to - from);
        length += to - from;
    }

    /** The letter after the backslash for bytes that need one, 0 for bytes written as they are. */
    private static byte escapeOf(byte b) {
        return switch (b) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            case 0 -> '0';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
    }

    /** Printable ASCII without a backslash: copied char by char, no encoding or escaping needed. */
    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private void ascii(String value) {
        ensure(value.length());
        for (int i = 0; i < value.length(); i++) {
            bytes[length++] = (byte) value.charAt(i);
        }
    }

    private void separate() {
        if (first) {
            first = false;
        } else {
            put((byte) '\t');
        }
    }

    private void put(byte b) {
        if (length == bytes.length) {
            ensure(1);
        }
        bytes[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
