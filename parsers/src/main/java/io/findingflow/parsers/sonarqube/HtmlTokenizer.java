package io.findingflow.parsers.sonarqube;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A lenient, streaming HTML tokenizer: start and end tags with attributes, text with character
 * references decoded, comments; doctype, processing instructions and other markup declarations
 * are skipped. {@code script} and {@code style} content is raw text. Never fails on bad markup:
 * like a browser, it reads what it can.
 */
final class HtmlTokenizer {

    interface Handler {
        void startTag(String name, Map<String, String> attributes, boolean selfClosing);

        void endTag(String name);

        void text(String text);

        void comment(String text);
    }

    private final Reader in;
    private char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean afterCarriageReturn;

    HtmlTokenizer(Reader in) {
        this.in = in;
    }

    void run(Handler handler) throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = peek(0);
            if (c < 0) {
                flushText(text, handler);
                return;
            }
            if (c != '<' || !markupAhead()) {
                text.append((char) c);
                pos++;
                continue;
            }
            flushText(text, handler);
            int next = peek(1);
            if (next == '!' && peek(2) == '-' && peek(3) == '-') {
                pos += 4;
                handler.comment(readUntil("-->"));
            } else if (next == '!' || next == '?') {
                pos += 2;
                readUntil(">");
            } else if (next == '/') {
                pos += 2;
                if (isAsciiLetter(peek(0))) {
                    String name = readName();
                    readUntil(">");
                    handler.endTag(name);
                } else {
                    readUntil(">");
                }
            } else {
                pos++;
                String name = readName();
                Map<String, String> attributes = new LinkedHashMap<>();
                boolean selfClosing = readAttributes(attributes);
                handler.startTag(name, attributes, selfClosing);
                if (!selfClosing && (name.equals("script") || name.equals("style"))) {
                    String raw = readRawText(name);
                    if (!raw.isEmpty()) {
                        handler.text(raw);
                    }
                }
            }
        }
    }

    private boolean markupAhead() throws IOException {
        int next = peek(1);
        return next == '!' || next == '?' || next == '/' || isAsciiLetter(next);
    }

    private static void flushText(StringBuilder text, Handler handler) {
        if (text.length() > 0) {
            handler.text(HtmlEntities.decode(text.toString()));
            text.setLength(0);
        }
    }

    private String readName() throws IOException {
        StringBuilder name = new StringBuilder();
        for (int c = peek(0); c >= 0 && !isSpace(c) && c != '/' && c != '>'; c = peek(0)) {
            name.append((char) c);
            pos++;
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    /** Reads attributes up to the end of the tag; true when the tag ends with "/>". */
    private boolean readAttributes(Map<String, String> attributes) throws IOException {
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return false;
            }
            if (c == '>') {
                pos++;
                return false;
            }
            if (c == '/' && peek(1) == '>') {
                pos += 2;
                return true;
            }
            if (isSpace(c) || c == '/') {
                pos++;
                continue;
            }
            StringBuilder name = new StringBuilder().append((char) c);
            pos++;
            for (c = peek(0); c >= 0 && !isSpace(c) && c != '/' && c != '>' && c != '='; c = peek(0)) {
                name.append((char) c);
                pos++;
            }
            skipSpaces();
            String value = "";
            if (peek(0) == '=') {
                pos++;
                skipSpaces();
                value = HtmlEntities.decode(readAttributeValue());
            }
            attributes.putIfAbsent(name.toString().toLowerCase(Locale.ROOT), value);
        }
    }

    private String readAttributeValue() throws IOException {
        int quote = peek(0);
        StringBuilder value = new StringBuilder();
        if (quote == '"' || quote == '\'') {
            pos++;
            for (int c = peek(0); c >= 0; c = peek(0)) {
                pos++;
                if (c == quote) {
                    break;
                }
                value.append((char) c);
            }
            return value.toString();
        }
        for (int c = peek(0); c >= 0 && !isSpace(c) && c != '>'; c = peek(0)) {
            value.append((char) c);
            pos++;
        }
        return value.toString();
    }

    /** Raw text up to (not including) the matching end tag. */
    private String readRawText(String name) throws IOException {
        StringBuilder raw = new StringBuilder();
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return raw.toString();
            }
            if (c == '<' && peek(1) == '/' && endTagAhead(name)) {
                return raw.toString();
            }
            raw.append((char) c);
            pos++;
        }
    }

    private boolean endTagAhead(String name) throws IOException {
        for (int i = 0; i < name.length(); i++) {
            int c = peek(2 + i);
            if (c < 0 || Character.toLowerCase((char) c) != name.charAt(i)) {
                return false;
            }
        }
        int after = peek(2 + name.length());
        return after < 0 || isSpace(after) || after == '/' || after == '>';
    }

    /** Consumes up to and including {@code end} (or to the end of input); returns what came before it. */
    private String readUntil(String end) throws IOException {
        StringBuilder skipped = new StringBuilder();
        while (true) {
            int c = peek(0);
            if (c < 0) {
                return skipped.toString();
            }
            if (c == end.charAt(0) && ahead(end)) {
                pos += end.length();
                return skipped.toString();
            }
            skipped.append((char) c);
            pos++;
        }
    }

    private boolean ahead(String expected) throws IOException {
        for (int i = 0; i < expected.length(); i++) {
            if (peek(i) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void skipSpaces() throws IOException {
        while (isSpace(peek(0))) {
            pos++;
        }
    }

    /** The character {@code offset} places ahead, or -1 past the end of input. */
    private int peek(int offset) throws IOException {
        while (pos + offset >= limit) {
            if (eof) {
                return -1;
            }
            fill();
        }
        return buffer[pos + offset];
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buffer.length) {
            char[] bigger = new char[buffer.length * 2];
            System.arraycopy(buffer, 0, bigger, 0, limit);
            buffer = bigger;
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
            return;
        }
        // the parser sees every CR LF and lone CR as LF, as libxml2 (and the HTML standard) do
        int end = limit + read;
        for (int i = limit; i < end; i++) {
            char c = buffer[i];
            if (c == '\n' && afterCarriageReturn) {
                afterCarriageReturn = false;
                continue;
            }
            afterCarriageReturn = c == '\r';
            buffer[limit++] = afterCarriageReturn ? '\n' : c;
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
