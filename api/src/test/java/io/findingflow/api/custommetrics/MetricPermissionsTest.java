package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Authorizer;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.entities.Entity;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricPermissionsTest {

    private final EntityStore store = new EntityStore();
    private final MetricPermissions permissions = new MetricPermissions(new Authorizer(store));
    private long offset;

    private Entity create(String kind, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", kind).put("op", "create");
        record.set("data", data);
        return store.apply(offset++, record).entity();
    }

    /** A user whose global role is on the user (as the bootstrap writes it) or a global_role entity. */
    private Caller caller(String globalRole, boolean superuser, boolean asEntity) {
        ObjectNode data = Json.mapper().createObjectNode().put("username", "u" + offset).put("is_superuser", superuser);
        if (!globalRole.equals("none") && !asEntity) {
            data.put("global_role", Integer.parseInt(globalRole));
        }
        Entity user = create(EntityKind.USER, data);
        if (!globalRole.equals("none") && asEntity) {
            create(EntityKind.GLOBAL_ROLE, Json.mapper().createObjectNode().put("user", user.id())
                    .put("role", Integer.parseInt(globalRole)));
        }
        return new Caller(user);
    }

    private static void check(boolean allowed, Consumer<Caller> requirement, Caller caller) {
        if (allowed) {
            assertThatCode(() -> requirement.accept(caller)).doesNotThrowAnyException();
        } else {
            assertFailure(() -> requirement.accept(caller), 403, "You do not have permission to perform this action.");
        }
    }

    /** global role id (DefectDojo: Reader 5, API_Importer 1, Writer 2, Maintainer 3, Owner 4). */
    @ParameterizedTest(name = "role {0} superuser={1} as entity={2}: post={3} create={4} delete={5}")
    @CsvSource({
        "none, false, false, false, false, false",
        "5,    false, false, false, false, false",
        "1,    false, false, true,  false, false",
        "2,    false, false, true,  true,  false",
        "3,    false, false, true,  true,  true",
        "4,    false, false, true,  true,  true",
        "none, true,  false, true,  true,  true",
        "5,    false, true,  false, false, false",
        "1,    false, true,  true,  false, false",
        "2,    false, true,  true,  true,  false",
        "3,    false, true,  true,  true,  true",
    })
    void shouldGateWritesByGlobalRole(String role, boolean superuser, boolean asEntity, boolean post, boolean create,
            boolean delete) {
        Caller caller = caller(role, superuser, asEntity);
        check(post, permissions::requirePost, caller);
        check(create, permissions::requireCreate, caller);
        check(delete, permissions::requireDelete, caller);
    }
}
