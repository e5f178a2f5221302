package io.findingflow.parsers;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.schemas.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code findingflow parse --scan-type TYPE [--setting KEY=VALUE]... FILE}: prints the findings as a
 * JSON array with DefectDojo's field names. Exit 0 on success, 2 for usage errors and unknown scan
 * types (listing the supported ones), 1 for a report that cannot be parsed.
 *
 * <p>DefectDojo settings come from the environment as DefectDojo names them (DD_USE_FIRST_SEEN,
 * DD_QUALYS_LEGACY_SEVERITY_PARSING), from FINDINGFLOW_SETTINGS (a JSON object) and from
 * {@code --setting}, later ones winning.
 */
public final class ParseCommand {

    private static final Map<String, String> ENV_SETTINGS =
            Map.of(
                    "DD_USE_FIRST_SEEN", ScanContext.USE_FIRST_SEEN,
                    "DD_QUALYS_LEGACY_SEVERITY_PARSING", ScanContext.USE_QUALYS_LEGACY_SEVERITY_PARSING);

    private ParseCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String scanType = null;
        String file = null;
        Map<String, String> settings = new HashMap<>();
        try {
            settings.putAll(settingsFromEnv(env));
        } catch (IOException e) {
            err.println("findingflow parse: FINDINGFLOW_SETTINGS is not a JSON object: " + e.getMessage());
            return 2;
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--scan-type") && i + 1 < args.length) {
                scanType = args[++i];
            } else if (arg.equals("--setting") && i + 1 < args.length) {
                String pair = args[++i];
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    err.println("findingflow parse: --setting wants KEY=VALUE, got " + pair);
                    return 2;
                }
                settings.put(pair.substring(0, eq), pair.substring(eq + 1));
            } else if (arg.startsWith("-")) {
                err.println("findingflow parse: unknown option " + arg);
                return usage(err);
            } else {
                file = arg;
            }
        }
        if (scanType == null || file == null) {
            return usage(err);
        }
        ParserRegistry registry = ParserRegistry.standard();
        if (!registry.supports(scanType)) {
            err.println(
                    "findingflow parse: unknown scan type \"" + scanType + "\". Supported scan types:");
            registry.scanTypes().forEach(type -> err.println("  " + type));
            return 2;
        }
        ScanContext context = new ScanContext(scanType, settings, Clock.systemUTC());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(Path.of(file)), 1 << 16)) {
            writeArray(registry, in, context, out);
            return 0;
        } catch (NoSuchFileException e) {
            err.println("findingflow parse: no such file: " + file);
            return 1;
        } catch (ParseException e) {
            out.flush();
            err.println("findingflow parse: " + file + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("findingflow parse: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
    }

    /** Streams the array: findings are written as the parser produces them. */
    private static void writeArray(
            ParserRegistry registry, InputStream in, ScanContext context, OutputStream target)
            throws ParseException, IOException {
        ObjectMapper mapper = Json.mapper();
        OutputStream buffered = new BufferedOutputStream(target, 1 << 16);
        JsonGenerator json = mapper.getFactory().createGenerator(buffered);
        json.useDefaultPrettyPrinter();
        json.writeStartArray();
        try {
            registry.parse(
                    in,
                    context,
                    finding -> {
                        try {
                            mapper.writeValue(json, finding);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.writeRaw('\n');
        json.flush();
        buffered.flush();
    }

    static Map<String, String> settingsFromEnv(Map<String, String> env) throws IOException {
        Map<String, String> settings = new HashMap<>();
        ENV_SETTINGS.forEach(
                (variable, setting) -> {
                    String value = env.get(variable);
                    if (value != null && !value.isBlank()) {
                        settings.put(setting, value.strip());
                    }
                });
        String json = env.get("FINDINGFLOW_SETTINGS");
        if (json != null && !json.isBlank()) {
            JsonNode node = Json.mapper().readTree(json);
            if (!node.isObject()) {
                throw new IOException("expected an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                settings.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return settings;
    }

    private static int usage(PrintStream err) {
        err.println(
                "usage: findingflow parse --scan-type \"<DefectDojo scan type>\" [--setting KEY=VALUE]... FILE");
        return 2;
    }
}
