package io.findingflow.parsers;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.schemas.Finding;
import io.findingflow.schemas.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds deterministic mutations of every corpus sample (truncations, flipped bytes, inserted
 * garbage and, for XML, DOCTYPE/XXE and entity-expansion variants) to the parser of its scan
 * type. A parser may succeed or throw {@link ParseException}; anything else escaping, a run over
 * the time limit, or an external entity's content in the output fails the sample.
 */
class ParserFuzzTest {

    private static final Duration PER_RUN = Duration.ofSeconds(10);
    private static final String SECRET_MARKER = "root:x:0:0";
    private static final ParserRegistry REGISTRY = ParserRegistry.standard();

    @TestFactory
    Stream<DynamicTest> shouldOnlyFailWithParseExceptionOnMutatedReports() throws IOException {
        JsonNode manifest = Json.mapper().readTree(CorpusFiles.root().resolve("manifest.json").toFile());
        Map<String, String> samples = new LinkedHashMap<>(); // file -> scan type, first case wins
        for (JsonNode testCase : manifest) {
            samples.putIfAbsent(testCase.get("file").asText(), testCase.get("scan_type").asText());
        }
        return samples.entrySet().stream()
                .filter(sample -> REGISTRY.supports(sample.getValue()))
                .map(sample -> DynamicTest.dynamicTest(
                        sample.getValue() + " " + sample.getKey(),
                        () -> fuzz(sample.getValue(), CorpusFiles.root().resolve(sample.getKey()))));
    }

    private static void fuzz(String scanType, Path file) throws IOException {
        byte[] original = Files.readAllBytes(file);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> mutation : mutations(file, original).entrySet()) {
            String problem = run(scanType, mutation.getValue());
            if (problem != null) {
                problems.add(mutation.getKey() + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            fail(scanType + " " + file.getFileName() + " failed " + problems.size() + " mutation(s):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Null when the parser succeeded or threw ParseException; otherwise what went wrong. */
    private static String run(String scanType, byte[] report) {
        try {
            return assertTimeoutPreemptively(PER_RUN, () -> {
                try {
                    List<Finding> findings = REGISTRY.parseAll(
                            new ByteArrayInputStream(report), new ScanContext(scanType, Map.of(), Clock.systemUTC()));
                    String json = Json.mapper().writeValueAsString(findings);
                    return json.contains(SECRET_MARKER) ? "external entity content leaked into the findings" : null;
                } catch (ParseException expected) {
                    return null;
                } catch (Throwable unexpected) {
                    return unexpected.getClass().getName() + ": " + unexpected.getMessage()
                            + at(unexpected.getStackTrace());
                }
            });
        } catch (Throwable timeoutOrError) {
            return "no result within " + PER_RUN.toSeconds() + " s (" + timeoutOrError.getMessage() + ")";
        }
    }

    private static String at(StackTraceElement[] stack) {
        return stack.length == 0 ? "" : " at " + stack[0];
    }

    static Map<String, byte[]> mutations(Path file, byte[] original) {
        Random random = new Random(file.getFileName().toString().hashCode());
        Map<String, byte[]> mutations = new LinkedHashMap<>();
        int length = original.length;
        mutations.put("empty", new byte[0]);
        for (int percent : new int[] {1, 25, 50, 75, 99}) {
            int cut = Math.max(1, (int) ((long) length * percent / 100));
            if (cut < length) {
                mutations.put("truncated at " + cut, slice(original, cut));
            }
        }
        for (int i = 0; i < 4 && length > 0; i++) {
            byte[] flipped = original.clone();
            int at = random.nextInt(length);
            flipped[at] ^= (byte) (1 + random.nextInt(255));
            mutations.put("byte flipped at " + at, flipped);
        }
        byte[] structural = "{}[]<>\"':,\\&;\u0000\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            byte[] garbage = new byte[1 + random.nextInt(24)];
            for (int g = 0; g < garbage.length; g++) {
                garbage[g] = random.nextBoolean() ? structural[random.nextInt(structural.length)] : (byte) random.nextInt(256);
            }
            int at = length == 0 ? 0 : random.nextInt(length);
            mutations.put("garbage inserted at " + at, insert(original, at, garbage));
        }
        if (looksLikeXml(original)) {
            mutations.put("XXE doctype", XmlAttacks.externalEntity(original));
            mutations.put("entity expansion doctype", XmlAttacks.billionLaughs(original));
        }
        return mutations;
    }

    private static boolean looksLikeXml(byte[] content) {
        for (byte b : content) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xef && (b & 0xff) != 0xbb && (b & 0xff) != 0xbf) {
                return false;
            }
        }
        return false;
    }

    private static byte[] slice(byte[] content, int length) {
        byte[] out = new byte[length];
        System.arraycopy(content, 0, out, 0, length);
        return out;
    }

    static byte[] insert(byte[] content, int at, byte[] extra) {
        byte[] out = new byte[content.length + extra.length];
        System.arraycopy(content, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(content, at, out, at + extra.length, content.length - at);
        return out;
    }

    /** DOCTYPE payloads placed after the XML declaration, with an entity used in the root element. */
    static final class XmlAttacks {

        private XmlAttacks() {}

        static byte[] externalEntity(byte[] xml) {
            return attack(xml, "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "&xxe;");
        }

        static byte[] billionLaughs(byte[] xml) {
            StringBuilder doctype = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                doctype.append("<!ENTITY l").append(i).append(" \"")
                        .append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
            }
            return attack(xml, doctype.append("]>").toString(), "&l9;");
        }

        private static byte[] attack(byte[] xml, String doctype, String reference) {
            String text = new String(xml, StandardCharsets.UTF_8);
            int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
            int rootStart = text.indexOf('<', declarationEnd);
            while (rootStart >= 0 && rootStart + 1 < text.length()
                    && (text.charAt(rootStart + 1) == '!' || text.charAt(rootStart + 1) == '?')) {
                rootStart = text.indexOf('<', rootStart + 1);
            }
            int rootEnd = rootStart < 0 ? -1 : text.indexOf('>', rootStart);
            StringBuilder out = new StringBuilder(text);
            if (rootEnd > 0 && text.charAt(rootEnd - 1) != '/') {
                out.insert(rootEnd + 1, reference);
            }
            out.insert(declarationEnd, doctype);
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
