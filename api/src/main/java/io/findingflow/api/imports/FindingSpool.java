package io.findingflow.api.imports;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Parsed findings of one upload as JSON lines in a temporary file: the whole report is parsed
 * (and so validated) before anything is created or produced, in bounded memory.
 */
final class FindingSpool implements Closeable {

    private final Path file;
    private final BufferedWriter writer;
    private int count;

    FindingSpool(Path dir) throws IOException {
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "import-", ".jsonl");
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void add(String json) {
        try {
            writer.write(json);
            writer.write('\n');
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int count() {
        return count;
    }

    void forEach(Consumer<String> action) throws IOException {
        writer.flush();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                action.accept(line);
            }
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
        Files.deleteIfExists(file);
    }
}
