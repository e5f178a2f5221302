package io.findingflow.api.imports;

import io.findingflow.api.auth.Authenticator;
import io.findingflow.api.http.ApiException;
import io.findingflow.api.http.Page;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /api/v2/test_types/}: every supported scan type, DefectDojo's shape, {@code ?name=}. */
public final class TestTypeController {

    private final Authenticator authenticator;
    private final TestTypes testTypes;

    public TestTypeController(Authenticator authenticator, TestTypes testTypes) {
        this.authenticator = authenticator;
        this.testTypes = testTypes;
    }

    public void list(Context ctx) {
        authenticator.authenticate(ctx);
        String name = ctx.queryParam("name");
        List<Map<String, Object>> matches = new ArrayList<>();
        testTypes.all().forEach((scanType, id) -> {
            if (name == null || name.isEmpty() || name.equals(scanType)) {
                matches.add(view(scanType, id));
            }
        });
        Page page = Page.of(ctx);
        ctx.json(page.body(ctx, matches.size(),
                matches.stream().skip(page.offset()).limit(page.limit()).toList()));
    }

    public void detail(Context ctx) {
        authenticator.authenticate(ctx);
        String id = ctx.pathParam("id");
        testTypes.all().forEach((scanType, typeId) -> {
            if (String.valueOf(typeId).equals(id)) {
                ctx.json(view(scanType, typeId));
            }
        });
        if (ctx.result() == null) {
            throw ApiException.notFound("Test_Type");
        }
    }

    private Map<String, Object> view(String scanType, long id) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("tags", List.of());
        view.put("name", scanType);
        view.put("static_tool", false);
        view.put("dynamic_tool", false);
        view.put("active", true);
        view.put("dynamically_generated", false);
        view.put("description", testTypes.registry().parser(scanType).description());
        return view;
    }
}
