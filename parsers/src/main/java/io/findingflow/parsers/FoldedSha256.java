package io.findingflow.parsers;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The last step of hash_code: Python's {@code sha256(text.casefold().encode("utf-8").strip())} as
 * lowercase hex. It runs once per finding, so it avoids the per-character work where it can.
 */
final class FoldedSha256 {

    private static final short[] HEX_PAIRS = hexPairs();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    /** {@code MessageDigest.getInstance} walks the provider list on every call: one {@link Scratch} a thread. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private FoldedSha256() {}

    static String of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == text.length()) {
            // one byte per char: only ASCII (and lone surrogates, encoded "?") where case folding is
            // A-Z to a-z, done in place on the encoded bytes instead of char by char on the text
            lowerAscii(bytes, bytes.length);
        } else {
            bytes = CaseFold.fold(text).getBytes(StandardCharsets.UTF_8);
        }
        return SCRATCH.get().strippedHash(bytes, bytes.length);
    }

    /**
     * {@link #of(String)} of the builder's text. ASCII text (nearly every finding's) is encoded into
     * a buffer kept per thread instead of a String and then a byte array: at a few hundred bytes per
     * finding, those two copies were a sixth of what a Trivy parse allocated. Anything else takes
     * the String path.
     */
    static String of(StringBuilder text) {
        Scratch scratch = SCRATCH.get();
        int length = scratch.encodeAscii(text);
        if (length < 0) {
            return of(text.toString());
        }
        lowerAscii(scratch.bytes, length);
        return scratch.strippedHash(scratch.bytes, length);
    }

    /**
     * A thread's digest and buffers, so that hashing a finding allocates only the resulting String.
     * Texts longer than {@link #MAX_KEPT} take the String path rather than grow the buffers for good.
     */
    private static final class Scratch {
        private static final int MAX_KEPT = 1 << 16;

        private final MessageDigest digest = newDigest();
        private final byte[] hash = new byte[32];
        private final byte[] hex = new byte[64];
        private final CharsetEncoder encoder = StandardCharsets.US_ASCII.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private char[] chars;
        private byte[] bytes;
        private CharBuffer charView;
        private ByteBuffer byteView;

        Scratch() {
            allocate(1024);
        }

        /** The text's length with its bytes in {@link #bytes}, or -1 when it is not all ASCII or too long. */
        int encodeAscii(StringBuilder text) {
            int length = text.length();
            if (length > MAX_KEPT) {
                return -1;
            }
            if (length > chars.length) {
                allocate(Math.max(length, 2 * chars.length));
            }
            text.getChars(0, length, chars, 0);
            charView.clear().limit(length);
            byteView.clear();
            CoderResult result = encoder.reset().encode(charView, byteView, true);
            return result.isError() || charView.hasRemaining() ? -1 : length;
        }

        /** SHA-256 of {@code bytes[0, length)} without leading and trailing ASCII whitespace, as hex. */
        String strippedHash(byte[] bytes, int length) {
            int start = 0;
            int end = length;
            while (start < end && isAsciiSpace(bytes[start])) {
                start++;
            }
            while (end > start && isAsciiSpace(bytes[end - 1])) {
                end--;
            }
            digest.update(bytes, start, end - start);
            try {
                digest.digest(hash, 0, hash.length);
            } catch (java.security.DigestException impossible) {
                throw new IllegalStateException("a SHA-256 digest is 32 bytes", impossible);
            }
            // two digits per table entry and store, as bytes: a char[] would be compressed to Latin-1 again
            for (int i = 0; i < hash.length; i++) {
                SHORTS.set(hex, 2 * i, HEX_PAIRS[hash[i] & 0xff]);
            }
            return new String(hex, StandardCharsets.ISO_8859_1);
        }

        private void allocate(int capacity) {
            chars = new char[capacity];
            bytes = new byte[capacity];
            charView = CharBuffer.wrap(chars);
            byteView = ByteBuffer.wrap(bytes);
        }
    }

    /**
     * A-Z to a-z on ASCII bytes, eight at a time: a byte-by-byte branch on "is upper case"
     * mispredicts on mixed-case text and was a tenth of a Trivy parse. Per byte b (all below 0x80,
     * so no carries cross bytes), b + 0x3F has the top bit set from 'A' up and b + 0x25 from 'Z' + 1
     * up; their difference in top bits marks A-Z, shifted down to 0x20 it is the case bit.
     */
    private static void lowerAscii(byte[] bytes, int length) {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long upper = (word + 0x3F3F3F3F3F3F3F3FL) & ~(word + 0x2525252525252525L) & 0x8080808080808080L;
            LONGS.set(bytes, i, word | (upper >>> 2));
        }
        for (; i < length; i++) {
            byte b = bytes[i];
            if (b >= 'A' && b <= 'Z') {
                bytes[i] = (byte) (b + ('a' - 'A'));
            }
        }
    }

    /** Python's {@code bytes.strip()} set: space, \t, \n, \r, \v, \f. */
    private static boolean isAsciiSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == 0x0b || b == '\f';
    }

    /** Byte b → its two lowercase hex digits, first digit in the low byte (little-endian stores). */
    private static short[] hexPairs() {
        byte[] digits = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        short[] pairs = new short[256];
        for (int b = 0; b < 256; b++) {
            pairs[b] = (short) (digits[b >>> 4] | digits[b & 0xf] << 8);
        }
        return pairs;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JRE", impossible);
        }
    }
}
