package io.findingflow.parsers.sonarqube;

import io.findingflow.parsers.ParseException;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the members of an uploaded zip one after the other, in memory, refusing archives that try
 * to exhaust it (too many entries, too much data once inflated, an inflation ratio no real report
 * reaches) or to confuse it (absolute or parent paths, two members with one name).
 */
final class SafeZip {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    /** Past the first MiB, inflated data may be at most this many times the compressed bytes read. */
    static final int MAX_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 1024 * 1024;

    interface EntryHandler {
        void accept(String name, byte[] content) throws ParseException;
    }

    private SafeZip() {}

    /** Hands every file member whose name ends with {@code suffix} (case matters) to {@code handler}, in archive order. */
    static void read(InputStream archive, String suffix, EntryHandler handler) throws ParseException {
        CountingStream counted = new CountingStream(archive);
        Set<String> names = new HashSet<>();
        long total = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(counted)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    throw refuse("more than " + MAX_ENTRIES + " entries");
                }
                checkName(name);
                if (!names.add(name)) {
                    throw refuse("two entries are named \"" + name + "\"");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                // every member is inflated under the limits, even those skipped, so none can stall the reader
                boolean wanted = name.endsWith(suffix);
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                byte[] chunk = new byte[8192];
                for (int read = zip.read(chunk); read >= 0; read = zip.read(chunk)) {
                    total += read;
                    if (total > MAX_TOTAL_BYTES) {
                        throw refuse("it inflates to more than " + (MAX_TOTAL_BYTES >> 20) + " MiB");
                    }
                    if (total > RATIO_GRACE_BYTES && total > MAX_RATIO * counted.count) {
                        throw refuse("it inflates more than " + MAX_RATIO + " times (a zip bomb?)");
                    }
                    if (wanted) {
                        content.write(chunk, 0, read);
                    }
                }
                if (!wanted) {
                    continue;
                }
                handler.accept(name, content.toByteArray());
            }
        } catch (IOException e) {
            throw new ParseException("Invalid SonarQube zip archive: " + e.getMessage(), e);
        }
    }

    private static void checkName(String name) throws ParseException {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*") || normalized.contains("\0")) {
            throw refuse("entry \"" + name + "\" has an absolute path");
        }
        for (String segment : normalized.split("/")) {
            if (segment.equals("..")) {
                throw refuse("entry \"" + name + "\" points outside the archive");
            }
        }
    }

    private static ParseException refuse(String why) {
        return new ParseException("SonarQube zip archive refused: " + why);
    }

    /** Counts the compressed bytes the inflater has consumed. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
