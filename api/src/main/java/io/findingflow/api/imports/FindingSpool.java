package io.findingflow.api.imports;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parsed findings of one upload as the finding parts of their Kafka records (FindingRecord: typed
 * fields and the finding's JSON; each after its length) in a temporary file: the whole report is
 * parsed (and so validated) before anything is created or produced, in bounded memory; the bytes
 * go to Kafka as they are, not decoded and encoded again.
 */
final class FindingSpool implements Closeable {

    /** Receives each spooled finding's bytes. */
    interface Reader {
        void accept(byte[] finding) throws IOException;
    }

    private final Path file;
    private final DataOutputStream writer;
    private int count;

    FindingSpool(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "import-", ".findings.bin");
        this.writer = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void add(byte[] finding) {
        try {
            writer.writeInt(finding.length);
            writer.write(finding);
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        return count;
    }

    /** Every finding in the order added. */
    void forEach(Reader action) throws IOException {
        writer.flush();
        try (DataInputStream reader =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (int i = 0; i < count; i++) {
                int length = reader.readInt();
                byte[] finding = new byte[length];
                reader.readFully(finding);
                action.accept(finding);
            }
            if (reader.read() != -1) {
                throw new EOFException("spool " + file + " holds more than its " + count + " findings");
            }
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        Files.deleteIfExists(file);
    }
}
