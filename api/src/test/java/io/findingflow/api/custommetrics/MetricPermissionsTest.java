package io.findingflow.api.custommetrics;

import static io.findingflow.api.custommetrics.TcAssertions.assertFailure;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.auth.Caller;
import io.findingflow.api.entities.Entity;
import io.findingflow.schemas.Json;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricPermissionsTest {

    private static Caller caller(String globalRole, boolean superuser) {
        ObjectNode data = Json.mapper().createObjectNode().put("username", "u").put("is_superuser", superuser);
        if (!globalRole.equals("none")) {
            data.put("global_role", Integer.parseInt(globalRole));
        }
        return new Caller(new Entity("user", 5, data));
    }

    private static void check(boolean allowed, Consumer<Caller> requirement, Caller caller) {
        if (allowed) {
            assertThatCode(() -> requirement.accept(caller)).doesNotThrowAnyException();
        } else {
            assertFailure(() -> requirement.accept(caller), 403, "You do not have permission to perform this action.");
        }
    }

    /** global role id (DefectDojo: Reader 5, API_Importer 1, Writer 2, Maintainer 3, Owner 4). */
    @ParameterizedTest(name = "role {0} superuser={1}: post={2} create={3} delete={4}")
    @CsvSource({
        "none, false, false, false, false",
        "5,    false, false, false, false",
        "1,    false, true,  false, false",
        "2,    false, true,  true,  false",
        "3,    false, true,  true,  true",
        "4,    false, true,  true,  true",
        "none, true,  true,  true,  true",
    })
    void shouldGateWritesByGlobalRole(String role, boolean superuser, boolean post, boolean create, boolean delete) {
        Caller caller = caller(role, superuser);
        check(post, MetricPermissions::requirePost, caller);
        check(create, MetricPermissions::requireCreate, caller);
        check(delete, MetricPermissions::requireDelete, caller);
    }
}
