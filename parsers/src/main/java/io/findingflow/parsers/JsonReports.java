package io.findingflow.parsers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.findingflow.schemas.Json;
import java.io.IOException;
import java.io.InputStream;

/** Shared Jackson plumbing for JSON reports: streaming parsers and errors that name the position. */
public final class JsonReports {

    private JsonReports() {}

    public static ObjectMapper mapper() {
        return Json.mapper();
    }

    /** A streaming parser over {@code in}; read tokens or {@code readValueAsTree()} per item. */
    public static JsonParser open(InputStream in) throws ParseException {
        try {
            return Json.mapper().createParser(in);
        } catch (IOException e) {
            throw error("JSON", e);
        }
    }

    /** Reads the whole document as a tree; for formats whose items cannot be streamed. */
    public static JsonNode readTree(InputStream in, String format) throws ParseException {
        try {
            JsonNode node = Json.mapper().readTree(in);
            if (node == null || node.isMissingNode()) {
                throw new ParseException("Invalid " + format + " report: the file is empty");
            }
            return node;
        } catch (IOException e) {
            throw error(format, e);
        }
    }

    /** A {@link ParseException} naming the format, the problem and its line/column. */
    public static ParseException error(String format, IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            JsonLocation location = jpe.getLocation();
            String where =
                    location == null
                            ? ""
                            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new ParseException(
                    "Invalid " + format + " report" + where + ": " + jpe.getOriginalMessage(), e);
        }
        return new ParseException("Could not read the " + format + " report: " + e.getMessage(), e);
    }
}
