package io.findingflow.api.http;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.validation.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure leaves as JSON in the documented shape, whatever the Accept header says: our own
 * {@link ApiException}s, Javalin validation errors as DefectDojo's {@code {"field": [..]}},
 * unknown routes and methods, and — logged, never shown — anything unexpected as a 500 without a
 * stack trace.
 */
public final class ErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        app.exception(ValidationException.class, (e, ctx) -> {
            Map<String, List<String>> body = new LinkedHashMap<>();
            e.getErrors().forEach((field, errors) ->
                    body.put(field, errors.stream().map(error -> error.getMessage()).toList()));
            ctx.status(400).json(body);
        });
        app.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus()).json(Map.of("detail", detail(e))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(Map.of("detail", "Internal server error."));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                ctx.json(Map.of("detail", "Not found."));
            }
        });
        app.error(405, ctx -> ctx.json(Map.of("detail", "Method \"" + ctx.method() + "\" not allowed.")));
    }

    private static String detail(HttpResponseException e) {
        switch (e.getStatus()) {
            case 404:
                return "Not found.";
            case 405:
                return "Method not allowed.";
            case 413:
                return "Request entity too large.";
            default:
                return e.getMessage();
        }
    }
}
