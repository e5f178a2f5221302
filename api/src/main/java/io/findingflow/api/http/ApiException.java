package io.findingflow.api.http;

import java.util.Map;

/**
 * A failure with a status and the exact JSON body a DefectDojo (or ThreatConnect) client expects.
 * Thrown anywhere below the controllers; {@link ErrorMapping} writes it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Object body;

    public ApiException(int status, Object body) {
        super(String.valueOf(body));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    /** 400 {@code {"field": ["message"]}} — DefectDojo's validation shape. */
    public static ApiException field(String field, String message) {
        return new ApiException(400, Map.of(field, java.util.List.of(message)));
    }

    /** 404 {@code {"detail": "No <Model> matches the given query."}} */
    public static ApiException notFound(String model) {
        return new ApiException(404, Map.of("detail", "No " + model + " matches the given query."));
    }

    public static ApiException forbidden() {
        return new ApiException(403, Map.of("detail", "You do not have permission to perform this action."));
    }

    public static ApiException notAuthenticated() {
        return new ApiException(403, Map.of("detail", "Authentication credentials were not provided."));
    }

    public static ApiException invalidToken() {
        return new ApiException(403, Map.of("detail", "Invalid token."));
    }

    public static ApiException unavailable(String what) {
        return new ApiException(503, Map.of("detail", what));
    }
}
