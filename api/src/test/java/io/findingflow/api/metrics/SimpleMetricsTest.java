package io.findingflow.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.entities.ApplyResult;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who sees which product types and how products add up, over an in-memory entities view and
 * fixed per-product counts (the ClickHouse side is covered by the stack's integration tests).
 */
class SimpleMetricsTest {

    private static final LocalDate MONTH = LocalDate.of(2024, 3, 1);

    private final EntityStore store = new EntityStore();
    private final Map<Long, long[]> counts = new HashMap<>();
    private final SimpleMetrics metrics = new SimpleMetrics(store, new Authorizer(store), this::countsOf);
    private long offset;
    private long web;
    private long mobile;
    private long empty;
    private long shop;
    private long app;

    private Map<Long, long[]> countsOf(LocalDate month, Collection<Long> products) {
        assertThat(month).isEqualTo(MONTH);
        Map<Long, long[]> out = new HashMap<>(counts);
        if (products != null) {
            out.keySet().retainAll(products);
        }
        return out;
    }

    private long create(String kind, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", kind).put("op", "create");
        record.set("data", data);
        ApplyResult result = store.apply(offset++, record);
        return result.entity().id();
    }

    private ObjectNode data() {
        return Json.mapper().createObjectNode();
    }

    private Caller user(String name, boolean superuser, int globalRole) {
        long id = create(EntityKind.USER, data().put("username", name).put("is_superuser", superuser)
                .put("global_role", globalRole));
        return new Caller(store.get(EntityKind.USER, id).orElseThrow());
    }

    @BeforeEach
    void entities() {
        web = create(EntityKind.PRODUCT_TYPE, data().put("name", "Web"));
        mobile = create(EntityKind.PRODUCT_TYPE, data().put("name", "Mobile"));
        empty = create(EntityKind.PRODUCT_TYPE, data().put("name", "Archive"));
        shop = create(EntityKind.PRODUCT, data().put("name", "Shop").put("prod_type", web));
        long blog = create(EntityKind.PRODUCT, data().put("name", "Blog").put("prod_type", web));
        app = create(EntityKind.PRODUCT, data().put("name", "App").put("prod_type", mobile));
        counts.put(shop, new long[] {1, 2, 3, 4, 5, 6});
        counts.put(blog, new long[] {10, 0, 0, 0, 1, 2});
        counts.put(app, new long[] {0, 0, 7, 0, 0, 1});
    }

    private static Map<String, Object> row(long id, String name, long c, long h, long m, long l, long i, long closed) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("product_type_id", id);
        row.put("product_type_name", name);
        row.put("Total", c + h + m + l + i);
        row.put("critical", c);
        row.put("high", h);
        row.put("medium", m);
        row.put("low", l);
        row.put("info", i);
        row.put("Opened", c + h + m + l + i);
        row.put("Closed", closed);
        return row;
    }

    @Test
    void aSuperuserSeesEveryTypeByNameWithZeroRowsAndSummedProducts() {
        List<Map<String, Object>> rows = metrics.report(user("root", true, 0), MONTH, null).orElseThrow();
        assertThat(rows).containsExactly(
                row(empty, "Archive", 0, 0, 0, 0, 0, 0),
                row(mobile, "Mobile", 0, 0, 7, 0, 0, 1),
                row(web, "Web", 11, 2, 3, 4, 6, 8));
        assertThat(rows.get(0).keySet()).containsExactly("product_type_id", "product_type_name", "Total",
                "critical", "high", "medium", "low", "info", "Opened", "Closed");
    }

    @Test
    void aRoleOnOneTypeShowsThatTypeOnlyAndOthersAreNotFound() {
        Caller reader = user("reader", false, 0);
        create(EntityKind.PRODUCT_TYPE_MEMBER, data().put("user", reader.id()).put("product_type", mobile).put("role", 5));
        assertThat(metrics.report(reader, MONTH, null).orElseThrow()).containsExactly(row(mobile, "Mobile", 0, 0, 7, 0, 0, 1));
        assertThat(metrics.report(reader, MONTH, mobile).orElseThrow()).containsExactly(row(mobile, "Mobile", 0, 0, 7, 0, 0, 1));
        assertThat(metrics.report(reader, MONTH, web)).isEmpty();
        assertThat(metrics.report(reader, MONTH, 999_999L)).isEmpty();
    }

    @Test
    void aRoleOnAProductOnlyDoesNotShowItsTypeAsDefectDojoDoes() {
        Caller member = user("member", false, 0);
        create(EntityKind.PRODUCT_MEMBER, data().put("user", member.id()).put("product", shop).put("role", 4));
        assertThat(metrics.report(member, MONTH, null).orElseThrow()).isEmpty();
        assertThat(metrics.report(member, MONTH, web)).isEmpty();
    }

    @Test
    void aGlobalRoleSeesEveryType() {
        assertThat(metrics.report(user("auditor", false, 5), MONTH, null).orElseThrow()).hasSize(3);
    }

    @Test
    void aProductMovedToAnotherTypeMovesItsCounts() {
        ObjectNode move = Json.mapper().createObjectNode().put("kind", EntityKind.PRODUCT).put("op", "update")
                .put("id", app);
        move.putObject("data").put("prod_type", web);
        store.apply(offset++, move);
        Caller root = user("root", true, 0);
        assertThat(metrics.report(root, MONTH, null).orElseThrow()).containsExactly(
                row(empty, "Archive", 0, 0, 0, 0, 0, 0),
                row(mobile, "Mobile", 0, 0, 0, 0, 0, 0),
                row(web, "Web", 11, 2, 10, 4, 6, 9));
        assertThat(metrics.report(root, MONTH, mobile).orElseThrow()).containsExactly(row(mobile, "Mobile", 0, 0, 0, 0, 0, 0));
    }
}
