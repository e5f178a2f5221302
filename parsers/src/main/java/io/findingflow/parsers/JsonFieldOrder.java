package io.findingflow.parsers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the member names of a run of similar JSON objects (a scanner's findings) by predicting
 * each one from the order the previous objects used. Jackson's {@link
 * JsonParser#nextFieldName(com.fasterxml.jackson.core.SerializableString)} confirms a predicted
 * name by comparing its bytes, which costs a fraction of parsing and looking up a name in the
 * symbol table (half of a plain token walk of a Trivy report); a wrong guess falls back to the
 * ordinary name parse. Only the speed depends on the guesses: every name is still read and
 * compared. One instance per run of objects of one kind, never shared between threads.
 */
public final class JsonFieldOrder {

    /** What a member name is to the caller: its index in the known names, or {@link #UNKNOWN}. */
    public static final int UNKNOWN = -1;

    /** Learned names beyond this many (a hostile report of random keys) are read but not remembered. */
    private static final int MAX_NAMES = 256;

    private final Map<String, Name> names = new HashMap<>();
    private Name first;
    private Name previous;
    private Name expected;

    /** A name as {@link #next} reports it, with the name that followed it last time. */
    private static final class Name {
        final int index;
        final SerializedString text;
        Name next;

        Name(int index, String text) {
            this.index = index;
            this.text = new SerializedString(text);
        }
    }

    /** {@code known.get(i)} is reported as {@code i}; every other name as {@link #UNKNOWN}. */
    public JsonFieldOrder(List<String> known) {
        for (int i = 0; i < known.size(); i++) {
            names.putIfAbsent(known.get(i), new Name(i, known.get(i)));
        }
    }

    /** Call with the parser on an object's START_OBJECT, before its first {@link #next}. */
    public void startObject() {
        previous = null;
        expected = first;
    }

    /**
     * Advances to the object's next member: true with the parser on its FIELD_NAME ({@link
     * JsonParser#currentName()} is the name, {@link #index()} says which), false at the object's
     * END_OBJECT.
     */
    public boolean next(JsonParser parser) throws IOException {
        Name current;
        if (expected != null && parser.nextFieldName(expected.text)) {
            current = expected;
        } else {
            if (expected == null) {
                parser.nextToken(); // a failed guess has already advanced the parser
            }
            if (parser.currentToken() != JsonToken.FIELD_NAME) {
                return false;
            }
            current = learn(parser.currentName());
        }
        previous = current;
        expected = current.next;
        return true;
    }

    /** The index of the name {@link #next} stopped at in the known names, or {@link #UNKNOWN}. */
    public int index() {
        return previous.index;
    }

    private Name learn(String text) {
        Name name = names.get(text);
        if (name == null) {
            name = new Name(UNKNOWN, text);
            if (names.size() < MAX_NAMES) {
                names.put(text, name);
            }
        }
        if (previous == null) {
            first = name;
        } else {
            previous.next = name;
        }
        return name;
    }
}
