package io.findingflow.schemas;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The compact value of a finding-events "finding" record: the few typed fields the lifecycle job
 * matches, counts and writes as columns, then the finding's DefectDojo JSON as it is (the row's
 * body). The job used to decode those fields from the JSON of every record, the largest part of
 * its per-finding cost; here they are read at fixed places and the JSON is never parsed.
 *
 * <p>Layout (big-endian): magic byte {@link #MAGIC} (a JSON record, the form before this one,
 * starts with '{'), import id, product id (long), then the finding's part: title, severity, date,
 * hash_code, unique_id_from_tool, cwe (long), component_name, file_path, flags (one byte: active,
 * verified, false_p, out_of_scope, risk_accepted, is_mitigated from the lowest bit up), mitigated,
 * and the JSON (length, bytes). Strings are a length (int, -1 for null) and UTF-8 bytes.
 *
 * <p>The typed fields hold what the job read from the JSON: a missing severity reads as "Info", a
 * missing cwe as 0, risk_accepted (not a parser field) as false.
 */
public final class FindingRecord {

    /** First byte of this format. */
    public static final byte MAGIC = (byte) 0xB2;

    private static final int ACTIVE = 1;
    private static final int VERIFIED = 1 << 1;
    private static final int FALSE_P = 1 << 2;
    private static final int OUT_OF_SCOPE = 1 << 3;
    private static final int RISK_ACCEPTED = 1 << 4;
    private static final int IS_MITIGATED = 1 << 5;

    private FindingRecord() {}

    /** Whether a finding-events value is in this format (otherwise it is JSON). */
    public static boolean isCompact(byte[] value) {
        return value.length > 0 && value[0] == MAGIC;
    }

    /**
     * The finding's part of its record: its typed fields and {@code json}, the bytes Jackson wrote
     * for it. The API spools this and frames it per import ({@link #prefix}).
     */
    public static byte[] findingPart(Finding finding, byte[] json) {
        Writer out = new Writer(json.length + 512);
        out.string(finding.title);
        out.string(finding.severity == null ? Severity.INFO.label() : finding.severity);
        out.string(finding.date);
        out.string(finding.hashCode);
        out.string(finding.uniqueIdFromTool);
        out.number(finding.cwe == null ? 0 : finding.cwe);
        out.string(finding.componentName);
        out.string(finding.filePath);
        out.flags((finding.active ? ACTIVE : 0) | (finding.verified ? VERIFIED : 0) | (finding.falseP ? FALSE_P : 0)
                | (finding.outOfScope ? OUT_OF_SCOPE : 0) | (finding.isMitigated ? IS_MITIGATED : 0));
        out.string(finding.mitigated);
        out.bytes(json);
        return out.toBytes();
    }

    /** The start of every finding record of one import. */
    public static byte[] prefix(String importId, long productId) {
        Writer out = new Writer(64);
        out.flags(MAGIC);
        out.string(importId);
        out.number(productId);
        return out.toBytes();
    }

    /** The record of one finding: its import's {@link #prefix} and its {@link #findingPart}. */
    public static byte[] record(byte[] prefix, byte[] findingPart) {
        byte[] record = Arrays.copyOf(prefix, prefix.length + findingPart.length);
        System.arraycopy(findingPart, 0, record, prefix.length, findingPart.length);
        return record;
    }

    /** A record's fields ({@code hashCodeText}: the finding's hash_code). */
    public record Decoded(String importId, long productId, String title, String severity, String date,
            String hashCodeText, String uniqueIdFromTool, long cwe, String componentName, String filePath, boolean active,
            boolean verified, boolean falseP, boolean outOfScope, boolean riskAccepted, boolean isMitigated,
            String mitigated, byte[] json) {}

    /** The import a record belongs to, read without decoding the finding. */
    public record Header(String importId, long productId) {}

    /**
     * The import id and product of a record in this format, after checking its structure (every
     * length within the record, the JSON last) without decoding the finding's fields; a truncated
     * or malformed record is an IllegalArgumentException, as in {@link #read}.
     */
    public static Header header(byte[] record) {
        if (!isCompact(record)) {
            throw new IllegalArgumentException("not a compact finding record");
        }
        Reader in = new Reader(record);
        try {
            Header header = new Header(in.string(), in.buffer.getLong());
            for (int i = 0; i < 5; i++) { // title, severity, date, hash_code, unique_id_from_tool
                in.skipString();
            }
            in.buffer.getLong(); // cwe
            in.skipString(); // component_name
            in.skipString(); // file_path
            in.buffer.get(); // flags
            in.skipString(); // mitigated
            in.checkLast();
            return header;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated compact finding record", e);
        }
    }

    /** Decodes a record in this format; a truncated or malformed one is an IllegalArgumentException. */
    public static Decoded read(byte[] record) {
        if (!isCompact(record)) {
            throw new IllegalArgumentException("not a compact finding record");
        }
        Reader in = new Reader(record);
        try {
            String importId = in.string();
            long productId = in.buffer.getLong();
            String title = in.string();
            String severity = in.string();
            String date = in.string();
            String hashCode = in.string();
            String uniqueIdFromTool = in.string();
            long cwe = in.buffer.getLong();
            String componentName = in.string();
            String filePath = in.string();
            int flags = in.buffer.get();
            String mitigated = in.string();
            byte[] json = in.last();
            return new Decoded(importId, productId, title, severity, date, hashCode, uniqueIdFromTool, cwe,
                    componentName, filePath, (flags & ACTIVE) != 0, (flags & VERIFIED) != 0, (flags & FALSE_P) != 0,
                    (flags & OUT_OF_SCOPE) != 0, (flags & RISK_ACCEPTED) != 0, (flags & IS_MITIGATED) != 0,
                    mitigated, json);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated compact finding record", e);
        }
    }

    private static final class Reader {
        private final byte[] record;
        private final ByteBuffer buffer;

        private Reader(byte[] record) {
            this.record = record;
            this.buffer = ByteBuffer.wrap(record, 1, record.length - 1);
        }

        /** The last field: its length must match what remains. */
        byte[] last() {
            checkLast();
            return Arrays.copyOfRange(record, buffer.position(), record.length);
        }

        void checkLast() {
            int length = buffer.getInt();
            if (length != buffer.remaining()) {
                throw new IllegalArgumentException("finding JSON of " + length + " bytes where "
                        + buffer.remaining() + " remain");
            }
        }

        String string() {
            int length = stringLength();
            if (length == -1) {
                return null;
            }
            String text = new String(record, buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            return text;
        }

        void skipString() {
            int length = stringLength();
            if (length > 0) {
                buffer.position(buffer.position() + length);
            }
        }

        /** The next string's length (-1 for null), checked against what remains. */
        private int stringLength() {
            int length = buffer.getInt();
            if (length < -1 || length > buffer.remaining()) {
                throw new BufferUnderflowException();
            }
            return length;
        }
    }

    /** Appends big-endian fields to a growing array (ByteArrayOutputStream locks on every byte). */
    private static final class Writer {
        private byte[] bytes;
        private int length;

        Writer(int expected) {
            bytes = new byte[expected];
        }

        void string(String text) {
            if (text == null) {
                number32(-1);
                return;
            }
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte[] value) {
            number32(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, bytes, length, value.length);
            length += value.length;
        }

        void number(long value) {
            number32((int) (value >>> 32));
            number32((int) value);
        }

        void number32(int value) {
            ensure(4);
            bytes[length++] = (byte) (value >>> 24);
            bytes[length++] = (byte) (value >>> 16);
            bytes[length++] = (byte) (value >>> 8);
            bytes[length++] = (byte) value;
        }

        void flags(int value) {
            ensure(1);
            bytes[length++] = (byte) value;
        }

        byte[] toBytes() {
            return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }
}
