package io.findingflow.api.openapi;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The app's HTTP routes as Javalin registers them ({@code config.events.handlerAdded}), so the
 * OpenAPI document is generated from the one route table and cannot drift from it.
 */
public final class RouteTable {

    /** One route: HTTP method and path ({@code {id}} style parameters). */
    public record Route(String method, String path) {}

    private final List<Route> routes = new ArrayList<>();

    public synchronized void add(HandlerMetaInfo info) {
        HandlerType type = info.getHttpMethod();
        if (type.isHttpMethod() && type != HandlerType.HEAD && type != HandlerType.OPTIONS) {
            routes.add(new Route(type.name().toLowerCase(java.util.Locale.ROOT), info.getPath()));
        }
    }

    public synchronized List<Route> routes() {
        return List.copyOf(routes);
    }
}
