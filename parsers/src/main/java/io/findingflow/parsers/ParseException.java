package io.findingflow.parsers;

/** A report that cannot be parsed. The message is shown to users as is: name the problem and where. */
public class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
