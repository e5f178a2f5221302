package io.findingflow.api.http;

import io.javalin.http.Context;

/** Typed filters with DefectDojo's 400 bodies for bad values. */
public final class QueryParams {

    private QueryParams() {}

    public static Long id(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.field(name, "Select a valid choice. That choice is not one of the available choices.");
        }
    }

    public static Boolean bool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        switch (value.trim()) {
            case "true": case "True": case "1":
                return true;
            case "false": case "False": case "0":
                return false;
            default:
                throw ApiException.field(name, "Select a valid choice. " + value + " is not one of the available choices.");
        }
    }

    /** A comma separated list (DefectDojo's CharFieldInFilter): items stripped, blank ones dropped. */
    public static java.util.List<String> commaList(String raw) {
        java.util.List<String> items = new java.util.ArrayList<>();
        if (raw != null) {
            for (String item : raw.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    public static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
