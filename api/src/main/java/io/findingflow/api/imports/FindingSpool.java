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
 * Parsed findings of one upload as their JSON (UTF-8 bytes, each after its length) in a temporary
 * file: the whole report is parsed (and so validated) before anything is created or produced, in
 * bounded memory; the bytes go to Kafka as they are, not decoded and encoded again.
 */
final class FindingSpool implements Closeable {

    /** Receives each spooled finding's JSON. */
    interface Reader {
        void accept(byte[] json) throws IOException;
    }

    private final Path file;
    private final DataOutputStream writer;
    private int count;

    FindingSpool(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "import-", ".json.bin");
        this.writer = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    void add(byte[] json) {
        try {
            writer.writeInt(json.length);
            writer.write(json);
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
                byte[] json = new byte[length];
                reader.readFully(json);
                action.accept(json);
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
