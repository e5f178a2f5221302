package io.findingflow.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.entities.ApplyResult;
import io.findingflow.api.entities.EntityKind;
import io.findingflow.api.entities.EntityStore;
import io.findingflow.schemas.Json;
import org.junit.jupiter.api.Test;

/** The entities log decides member and endpoint uniqueness in log order, the same on every replica. */
class EntityStoreRulesTest {

    private final EntityStore store = new EntityStore();
    private long offset;

    private ApplyResult create(String kind, ObjectNode data) {
        ObjectNode record = Json.mapper().createObjectNode().put("kind", kind).put("op", "create");
        record.set("data", data);
        return store.apply(offset++, record);
    }

    @Test
    void shouldKeepOneMembershipPerUserAndProductType() {
        long type = create(EntityKind.PRODUCT_TYPE, Json.mapper().createObjectNode().put("name", "T")).entity().id();
        long user = create(EntityKind.USER, Json.mapper().createObjectNode().put("username", "u")).entity().id();
        ObjectNode member = Json.mapper().createObjectNode().put("product_type", type).put("user", user).put("role", 5);
        assertThat(create(EntityKind.PRODUCT_TYPE_MEMBER, member).refused()).isFalse();
        ApplyResult second = create(EntityKind.PRODUCT_TYPE_MEMBER, member.deepCopy().put("role", 4));
        assertThat(second.refused()).isTrue();
        assertThat(second.field()).isEqualTo("non_field_errors");
        assertThat(second.error()).isEqualTo("Product_Type_Member already exists");
        ApplyResult unknownUser = create(EntityKind.PRODUCT_TYPE_MEMBER, member.deepCopy().put("user", 999));
        assertThat(unknownUser.error()).isEqualTo("Invalid pk \"999\" - object does not exist.");
    }

    @Test
    void shouldRefuseASecondEndpointWithTheSameUrlInAProduct() {
        long type = create(EntityKind.PRODUCT_TYPE, Json.mapper().createObjectNode().put("name", "T")).entity().id();
        long product = create(EntityKind.PRODUCT, Json.mapper().createObjectNode().put("name", "P").put("prod_type", type))
                .entity().id();
        ObjectNode endpoint = Json.mapper().createObjectNode().put("host", "a.example.com").put("port", 443)
                .put("product", product);
        assertThat(create(EntityKind.ENDPOINT, endpoint).refused()).isFalse();
        assertThat(create(EntityKind.ENDPOINT, endpoint.deepCopy().put("host", "A.example.com")).error())
                .isEqualTo("It appears as though an endpoint with this data already exists for this product.");
        assertThat(create(EntityKind.ENDPOINT, endpoint.deepCopy().put("port", 8443)).refused()).isFalse();
    }
}
