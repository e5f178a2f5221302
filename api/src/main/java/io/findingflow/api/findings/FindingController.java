package io.findingflow.api.findings;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.Page;
import io.findingflow.api.http.QueryParams;
import io.findingflow.api.http.SqlOrdering;
import io.findingflow.api.http.RequestBodies;
import io.findingflow.schemas.Severity;
import io.findingflow.schemas.Sql;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/v2/findings/} with DefectDojo's filters, ordering and pagination; detail by id. */
public final class FindingController {

    private static final Map<String, String> ORDERING = Map.of(
            "id", "id", "date", "date", "severity", "severity", "title", "title", "created", "created",
            "cwe", "cwe", "test", "test_id", "mitigated", "mitigated",
            // DefectDojo's numerical_severity is S0 (Critical) .. S4 (Info): not the alphabetical order
            "numerical_severity", "multiIf(severity = 'Critical', 0, severity = 'High', 1, severity = 'Medium', 2, "
                    + "severity = 'Low', 3, 4)");
    private static final List<String> BOOLEAN_FILTERS = List.of(
            "active", "verified", "duplicate", "false_p", "is_mitigated", "out_of_scope", "risk_accepted");

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final FindingQueries queries;
    private final FindingWrites writes;

    public FindingController(Authenticator authenticator, Authorizer authorizer, FindingQueries queries,
            FindingWrites writes) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.queries = queries;
        this.writes = writes;
    }

    public void create(Context ctx) throws Exception {
        Caller caller = authenticator.authenticate(ctx);
        ctx.status(201).json(writes.create(caller, RequestBodies.json(ctx)));
    }

    public void patch(Context ctx) throws Exception {
        Caller caller = authenticator.authenticate(ctx);
        ctx.json(writes.edit(caller, pathId(ctx), RequestBodies.json(ctx), false));
    }

    public void put(Context ctx) throws Exception {
        Caller caller = authenticator.authenticate(ctx);
        ctx.json(writes.edit(caller, pathId(ctx), RequestBodies.json(ctx), true));
    }

    public void delete(Context ctx) throws Exception {
        Caller caller = authenticator.authenticate(ctx);
        writes.delete(caller, pathId(ctx));
        ctx.status(204);
    }

    private static long pathId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Finding");
        }
    }

    public void list(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        Set<Long> products = authorizer.visibleProductIds(caller);
        List<String> rowConditions = new ArrayList<>(); // on columns a finding never changes
        idFilter(ctx, "test", "test_id", rowConditions);
        idFilter(ctx, "test__engagement", "engagement_id", rowConditions);
        idFilter(ctx, "test__engagement__product", "product_id", rowConditions);
        idFilter(ctx, "id", "id", rowConditions);
        List<String> conditions = new ArrayList<>();
        idFilter(ctx, "cwe", "cwe", conditions);
        for (String name : BOOLEAN_FILTERS) {
            Boolean value = QueryParams.bool(ctx, name);
            if (value != null) {
                conditions.add(name + " = " + (value ? 1 : 0));
            }
        }
        String severity = QueryParams.text(ctx, "severity");
        if (severity != null) {
            Severity parsed = Severity.parseOrNull(severity);
            if (parsed == null || !parsed.label().equals(severity)) {
                throw ApiException.field("severity",
                        "Select a valid choice. " + severity + " is not one of the available choices.");
            }
            conditions.add("severity = " + Sql.quote(severity));
        }
        textFilter(ctx, "title", "title = ", conditions);
        textFilter(ctx, "hash_code", "hash_code = ", conditions);
        textFilter(ctx, "unique_id_from_tool", "unique_id_from_tool = ", conditions);
        textFilter(ctx, "component_name", "component_name = ", conditions);
        textFilter(ctx, "file_path", "file_path = ", conditions);
        String contains = QueryParams.text(ctx, "title__contains");
        if (contains != null) {
            conditions.add("positionCaseInsensitiveUTF8(title, " + Sql.quote(contains) + ") > 0");
        }
        conditions.addAll(FindingTagFilters.conditions(ctx));
        Page page = Page.of(ctx);
        FindingQueries.Filter filter = new FindingQueries.Filter(products, rowConditions, conditions);
        FindingQueries.Page found = queries.page(filter, ordering(ctx), page.limit(), page.offset());
        ctx.json(page.body(ctx, found.count(), found.findings()));
    }

    public void detail(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        ctx.json(queries.detail(authorizer.visibleProductIds(caller), pathId(ctx))
                .orElseThrow(() -> ApiException.notFound("Finding")));
    }

    private static void idFilter(Context ctx, String param, String column, List<String> conditions) {
        Long value = QueryParams.id(ctx, param);
        if (value != null) {
            conditions.add(column + " = " + value);
        }
    }

    private static void textFilter(Context ctx, String param, String prefix, List<String> conditions) {
        String value = QueryParams.text(ctx, param);
        if (value != null) {
            conditions.add(prefix + Sql.quote(value));
        }
    }

    private static String ordering(Context ctx) {
        return SqlOrdering.of(QueryParams.text(ctx, "o"), ORDERING, "id", "id");
    }
}
