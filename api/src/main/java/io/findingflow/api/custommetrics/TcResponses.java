package io.findingflow.api.custommetrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ThreatConnect's envelopes: {@code {"status":"Success","data":{...}}} and
 * {@code {"status":"Failure","message":"..."}}; failures travel as {@link ApiException}s so the
 * one ErrorMapping writes them.
 */
public final class TcResponses {

    public static final String NOT_FOUND = "The requested resource was not found";

    /** The Failure body; a record so the fields keep their order. */
    public record Failure(String status, String message) {}

    private TcResponses() {}

    /** {"status":"Success","data":{field: value}}. */
    public static Map<String, Object> success(String field, Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(field, value);
        return success(data);
    }

    /** {"status":"Success","data": data}. */
    public static Map<String, Object> success(Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "Success");
        body.put("data", data);
        return body;
    }

    /** {"status":"Success"} alone (deletes). */
    public static Map<String, Object> success() {
        return Map.of("status", "Success");
    }

    public static ApiException failure(int status, String message) {
        return new ApiException(status, new Failure("Failure", message));
    }

    public static ApiException notFound() {
        return failure(404, NOT_FOUND);
    }

    public static ApiException badRequest(String message) {
        return failure(400, message);
    }

    public static ApiException forbidden() {
        return failure(403, "You do not have permission to perform this action.");
    }

    /** A client's value quoted for a message, cut to 50 characters. */
    public static String quoted(String text) {
        return "\"" + (text.length() > 50 ? text.substring(0, 50) + "..." : text) + "\"";
    }

    /**
     * The request body as JSON, like {@link #json(String)} of {@code ctx.body()}. A body of UTF-8
     * bytes holding an object or array (the common case) goes to Jackson as bytes: decoding a
     * 1,000-point batch to a String first cost about as much as parsing it. Everything else, and
     * bytes Jackson refuses, takes the String path, which decides as it always did.
     */
    public static JsonNode json(Context ctx) {
        return json(ctx.bodyAsBytes(), ctx.characterEncoding());
    }

    /** {@link #json(Context)} of a body and its request charset (null: UTF-8, as Javalin reads it). */
    static JsonNode json(byte[] body, String charset) {
        Charset decoding = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
        if (decoding.equals(StandardCharsets.UTF_8) && startsWithContainer(body)) {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                // invalid JSON or UTF-8: the String path below answers, with its message
            }
        }
        return json(new String(body, decoding));
    }

    private static boolean startsWithContainer(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** The body as JSON (any kind); 400 when it is empty or not JSON. */
    public static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            throw badRequest("A JSON request body is required");
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw badRequest("The request body is not valid JSON");
        }
    }
}
