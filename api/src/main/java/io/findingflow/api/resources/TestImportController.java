package io.findingflow.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.auth.Grants;
import io.findingflow.api.clickhouse.ClickHouseReader;
import io.findingflow.api.clickhouse.TableWatch;
import io.findingflow.api.clickhouse.VersionedCache;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.Page;
import io.findingflow.api.http.QueryParams;
import io.findingflow.api.http.SqlOrdering;
import io.findingflow.schemas.Json;
import io.findingflow.schemas.Sql;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v2/test_imports/}: one entry per applied import or reimport, read from the
 * ClickHouse {@code imports} table the lifecycle job writes. The id is derived from the import's
 * UUID (cityHash64, kept below 2^52 so JavaScript clients read it exactly); only imports into
 * tests the caller can see are listed.
 */
public final class TestImportController {

    static final String ID = "intDiv(cityHash64(l_import), 4096)";
    private static final Map<String, String> ORDERING = Map.of("id", "id", "created", "created", "test", "test_id");

    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final EntityStore store;
    private final ClickHouseReader clickHouse;
    /** Answers per query and version of the imports table: lists are polled far more often than imports land. */
    private final VersionedCache<String, List<ObjectNode>> answers;

    /** Queries kept (a count or a page of at most a few hundred small rows each). */
    private static final int MAX_ANSWERS = 256;

    public TestImportController(Authenticator authenticator, Authorizer authorizer, EntityStore store,
            ClickHouseReader clickHouse, TableWatch imports) {
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        this.store = store;
        this.clickHouse = clickHouse;
        this.answers = VersionedCache.ofEntries(imports, MAX_ANSWERS);
    }

    public void list(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        List<String> conditions = new ArrayList<>();
        Long test = QueryParams.id(ctx, "test");
        if (test != null) {
            conditions.add("test_id = " + test);
        }
        Long id = QueryParams.id(ctx, "id");
        if (id != null) {
            conditions.add("id = " + id);
        }
        String type = QueryParams.text(ctx, "type");
        if (type != null) {
            conditions.add("import_type = " + Sql.quote(type));
        }
        String order = ordering(QueryParams.text(ctx, "o"));
        Page page = Page.of(ctx);
        String from = imports(caller, conditions);
        List<ObjectNode> count = answers.get("SELECT count() AS n FROM (" + from + ")", clickHouse::rows);
        List<ObjectNode> rows = answers.get("SELECT * FROM (" + from + ") ORDER BY " + order
                + " LIMIT " + page.offset() + ", " + page.limit(), clickHouse::rows);
        ctx.json(page.body(ctx, count.isEmpty() ? 0 : count.get(0).path("n").asLong(),
                rows.stream().map(TestImportController::view).toList()));
    }

    public void detail(Context ctx) {
        Caller caller = authenticator.authenticate(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.notFound("Test_Import");
        }
        List<ObjectNode> rows = clickHouse.rows(imports(caller, List.of("id = " + id)) + " LIMIT 1");
        ctx.json(view(rows.stream().findFirst().orElseThrow(() -> ApiException.notFound("Test_Import"))));
    }

    /** Latest row per import, restricted to the tests the caller can see (deleted tests drop out). */
    private String imports(Caller caller, List<String> conditions) {
        Grants grants = authorizer.grants(caller);
        List<Long> tests = new ArrayList<>();
        for (Entity t : store.all(EntityKind.TEST)) {
            if (grants.onEngagement(t.number("engagement")).isPresent()) {
                tests.add(t.id());
            }
        }
        // aliases must not shadow columns (older servers substitute them): l_* inside, renamed outside
        String latest = "SELECT import_id AS l_import, any(test_id) AS l_test, any(import_type) AS l_type, "
                + "any(statistics) AS l_statistics, toString(any(created)) AS l_created, max(version) AS l_version, "
                + "any(test_import) AS l_test_import "
                + "FROM imports WHERE test_id IN (" + Sql.numbers(tests) + ") GROUP BY import_id";
        String sql = "SELECT " + ID + " AS id, l_import AS import_id, l_test AS test_id, l_type AS import_type, "
                + "l_statistics AS statistics, l_created AS created, l_version AS version, l_test_import AS test_import "
                + "FROM (" + latest + ")";
        StringBuilder outer = new StringBuilder("SELECT * FROM (").append(sql).append(") WHERE 1");
        conditions.forEach(c -> outer.append(" AND ").append(c));
        return outer.toString();
    }

    private static String ordering(String o) {
        // version: the import's position in its product's log
        return SqlOrdering.of(o, ORDERING, "import_id", "created, version, import_id");
    }

    private static ObjectNode view(ObjectNode row) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("id", row.path("id").asLong());
        out.putArray("test_import_finding_action_set");
        String created = row.path("created").asText();
        String iso = created.length() >= 19 ? created.substring(0, 10) + "T" + created.substring(11, 19) + "Z" : created;
        out.put("created", iso);
        out.put("modified", iso);
        JsonNode fields = testImportFields(row.path("test_import").asText(""));
        out.set("import_settings", fields.path("import_settings").isObject() ? fields.get("import_settings")
                : Json.mapper().nullNode());
        out.put("type", row.path("import_type").asText());
        for (String field : java.util.List.of("version", "build_id", "commit_hash", "branch_tag")) {
            out.set(field, fields.path(field).isTextual() ? fields.get(field) : Json.mapper().nullNode());
        }
        out.put("test", row.path("test_id").asLong());
        out.putArray("findings_affected");
        out.set("statistics", statistics(row.path("statistics").asText("{}")));
        return out;
    }

    /** The Test_Import fields column: empty in rows written by older versions (then all null). */
    private static JsonNode testImportFields(String json) {
        JsonNode fields = json.isEmpty() ? null : statistics(json);
        return fields == null || !fields.isObject() ? Json.mapper().createObjectNode() : fields;
    }

    private static JsonNode statistics(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            return Json.mapper().nullNode();
        }
    }
}
