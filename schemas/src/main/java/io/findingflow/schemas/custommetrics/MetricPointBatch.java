package io.findingflow.schemas.custommetrics;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several points of one metric as the value of one metric-points record, in arrival order. Writing
 * (API) and reading (Flink job) a JSON record per point cost more CPU than everything else on the
 * ingestion path; one compact record per request (or per {@link #MAX_BYTES} of it) carries the same
 * points with one Kafka record's overhead. The points of one record become visible together (the
 * API writes a request's records in one transaction) and share the record's offset as their version.
 *
 * <p>Layout (big-endian): magic byte {@link #MAGIC} (a JSON record, the format before this one,
 * starts with '{'), metric id (long), data type and interval labels, the distinct keys (count, then
 * each as length + UTF-8), the points (count, then each: key index, value, weight, date in epoch
 * milliseconds). Counts, lengths and indexes are unsigned varints.
 *
 * @param keys the distinct keys, by first use
 * @param keyIndexes per point, its key's index in {@code keys}
 */
public record MetricPointBatch(long metricId, String dataType, String interval, List<String> keys, int[] keyIndexes,
        double[] values, double[] weights, long[] dates) {

    /** First byte of this format. */
    public static final byte MAGIC = (byte) 0xB1;
    /** Encoded size a request's points are split at (below Kafka's default 1 MiB record limit). */
    public static final int MAX_BYTES = 256 * 1024;
    /** Upper bound of one point's bytes besides its key: index varint (≤ 5) and three 8-byte numbers. */
    private static final int POINT_BYTES = 5 + 3 * 8;

    /** How many points there are. */
    public int size() {
        return dates.length;
    }

    /** The key of point {@code i}. */
    public String key(int i) {
        return keys.get(keyIndexes[i]);
    }

    /** The point {@code i} as a {@link MetricPoint}. */
    public MetricPoint point(int i) {
        return new MetricPoint(metricId, dataType, interval, key(i), values[i], weights[i], dates[i]);
    }

    /**
     * Splits the points of one request into runs of consecutive points whose encoding stays within
     * {@link #MAX_BYTES} (a run holds at least one point).
     */
    public static List<List<MetricPoint>> split(List<MetricPoint> points) {
        List<List<MetricPoint>> runs = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i < points.size(); i++) {
            String key = points.get(i).key();
            // every key counted as if new and 3 bytes per char: an upper bound, no encoding needed
            long pointBytes = POINT_BYTES + 5 + 3L * (key == null ? 0 : key.length());
            if (i > start && bytes + pointBytes > MAX_BYTES - 64) {
                runs.add(points.subList(start, i));
                start = i;
                bytes = 0;
            }
            bytes += pointBytes;
        }
        if (start < points.size()) {
            runs.add(points.subList(start, points.size()));
        }
        return runs;
    }

    /** The record value of {@code points}, which must all belong to one metric (same id, type and interval). */
    public static byte[] encode(List<MetricPoint> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points");
        }
        MetricPoint first = points.get(0);
        Map<String, Integer> keyIndexes = new HashMap<>();
        List<String> keys = new ArrayList<>();
        int[] indexes = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            MetricPoint point = points.get(i);
            if (point.metricId() != first.metricId() || !point.dataType().equals(first.dataType())
                    || !point.interval().equals(first.interval())) {
                throw new IllegalArgumentException("points of different metrics in one batch");
            }
            String key = point.key() == null ? "" : point.key();
            Integer index = keyIndexes.get(key);
            if (index == null) {
                index = keys.size();
                keyIndexes.put(key, index);
                keys.add(key);
            }
            indexes[i] = index;
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(64 + keys.size() * 16);
        head.write(MAGIC);
        writeLong(head, first.metricId());
        writeString(head, first.dataType());
        writeString(head, first.interval());
        writeVarint(head, keys.size());
        for (String key : keys) {
            writeString(head, key);
        }
        writeVarint(head, points.size());
        ByteBuffer out = ByteBuffer.allocate(head.size() + points.size() * POINT_BYTES);
        out.put(head.toByteArray());
        for (int i = 0; i < points.size(); i++) {
            MetricPoint point = points.get(i);
            putVarint(out, indexes[i]);
            out.putDouble(point.value()).putDouble(point.weight()).putLong(point.date());
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** Whether {@code value} is a record of this format (rather than a legacy JSON point). */
    public static boolean isBatch(byte[] value) {
        return value != null && value.length > 0 && value[0] == MAGIC;
    }

    /** Reads a record value written by {@link #encode}; IllegalArgumentException for anything else. */
    public static MetricPointBatch decode(byte[] value) {
        if (!isBatch(value)) {
            throw new IllegalArgumentException("not a metric point batch");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(value, 1, value.length - 1);
            long metricId = in.getLong();
            String dataType = readString(in);
            String interval = readString(in);
            int keyCount = readCount(in);
            List<String> keys = new ArrayList<>(keyCount);
            for (int k = 0; k < keyCount; k++) {
                keys.add(readString(in));
            }
            int count = readCount(in);
            int[] indexes = new int[count];
            double[] values = new double[count];
            double[] weights = new double[count];
            long[] dates = new long[count];
            for (int i = 0; i < count; i++) {
                indexes[i] = readVarint(in);
                if (indexes[i] >= keyCount) {
                    throw new IllegalArgumentException("key index " + indexes[i] + " of " + keyCount + " keys");
                }
                values[i] = in.getDouble();
                weights[i] = in.getDouble();
                dates[i] = in.getLong();
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the last point");
            }
            return new MetricPointBatch(metricId, dataType, interval, keys, indexes, values, weights, dates);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated metric point batch", e);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static void putVarint(ByteBuffer out, int value) {
        while ((value & ~0x7F) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    private static int readVarint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    /** A count or length, checked against what is left so a corrupt one cannot allocate gigabytes. */
    private static int readCount(ByteBuffer in) {
        int count = readVarint(in);
        if (count < 0 || count > in.remaining()) {
            throw new IllegalArgumentException("count " + count + " beyond the record's " + in.remaining() + " bytes");
        }
        return count;
    }

    private static String readString(ByteBuffer in) {
        int length = readCount(in);
        String text = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return text;
    }
}
