package io.findingflow.api.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DRF's parsing and messages for each field type, and create / PUT / PATCH rules. */
class BodyValidatorTest {

    private static final List<Field> FIELDS = List.of(
            Field.string("name", 10).asRequired(), Field.bool("active", true), Field.of("count", FieldType.INTEGER),
            Field.of("day", FieldType.DATE), Field.of("at", FieldType.DATETIME),
            Field.choice("kind", List.of("a", "b")), Field.reference("parent", "parent", "Parent"),
            Field.tags(), Field.readOnly("created", FieldType.DATETIME), Field.of("secret", FieldType.PASSWORD).asWriteOnly());

    private static ObjectNode validate(String json, WriteMode mode) throws Exception {
        return BodyValidator.validate(FIELDS, Json.mapper().readTree(json), mode, (kind, id) -> id == 7);
    }

    private static Object errors(String json, WriteMode mode) {
        try {
            validate(json, mode);
        } catch (ApiException e) {
            return e.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("valid: " + json);
    }

    @Test
    void shouldCoerceValuesAsDrfDoes() throws Exception {
        ObjectNode clean = validate("{\"name\": \" x \", \"active\": \"False\", \"count\": \"12\", \"day\": \"2024-02-29\","
                + "\"at\": \"2024-01-15\", \"kind\": \"a\", \"parent\": \"7\", \"tags\": \"[\\\"t\\\"]\", \"created\": \"ignored\","
                + "\"unknown\": 1}", WriteMode.CREATE);
        assertThat(clean.toString()).isEqualTo("{\"name\":\"x\",\"active\":false,\"count\":12,\"day\":\"2024-02-29\","
                + "\"at\":\"2024-01-15T00:00:00Z\",\"kind\":\"a\",\"parent\":7,\"tags\":[\"t\"]}");
        assertThat(validate("{\"name\": 5, \"at\": \"2024-01-15T10:00:00+02:00\"}", WriteMode.PATCH).toString())
                .isEqualTo("{\"name\":\"5\",\"at\":\"2024-01-15T08:00:00Z\"}");
    }

    @Test
    void shouldFillDefaultsOnCreateOnly() throws Exception {
        assertThat(validate("{\"name\": \"n\"}", WriteMode.CREATE).path("active").asBoolean()).isTrue();
        assertThat(validate("{\"name\": \"n\"}", WriteMode.CREATE).path("tags").isArray()).isTrue();
        assertThat(validate("{\"name\": \"n\"}", WriteMode.PUT).has("active")).isFalse();
        assertThat(validate("{}", WriteMode.PATCH).size()).isZero();
    }

    @Test
    void shouldReportEveryProblemWithDrfsMessagesInFieldOrder() {
        Object body = errors("{\"name\": \"much too long!\", \"active\": \"maybe\", \"count\": 1.5, \"day\": \"2024-02-30\","
                + "\"at\": \"noon\", \"kind\": \"c\", \"parent\": 8, \"tags\": [1]}", WriteMode.CREATE);
        assertThat(Json.mapper().valueToTree(body).toString()).isEqualTo("{"
                + "\"name\":[\"Ensure this field has no more than 10 characters.\"],"
                + "\"active\":[\"Must be a valid boolean.\"],"
                + "\"count\":[\"A valid integer is required.\"],"
                + "\"day\":[\"Date has wrong format. Use one of these formats instead: YYYY-MM-DD.\"],"
                + "\"at\":[\"Datetime has wrong format. Use one of these formats instead: "
                + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].\"],"
                + "\"kind\":[\"\\\"c\\\" is not a valid choice.\"],"
                + "\"parent\":[\"Invalid pk \\\"8\\\" - object does not exist.\"],"
                + "\"tags\":[\"All list items must be of string type.\"]}");
    }

    @Test
    void shouldRequireFieldsOnCreateAndPutButNotPatch() {
        assertThat(errors("{}", WriteMode.CREATE)).isEqualTo(Map.of("name", List.of("This field is required.")));
        assertThat(errors("{}", WriteMode.PUT)).isEqualTo(Map.of("name", List.of("This field is required.")));
        assertThat(errors("{\"name\": null}", WriteMode.PATCH)).isEqualTo(Map.of("name", List.of("This field may not be null.")));
        assertThat(errors("{\"name\": \"  \"}", WriteMode.PATCH)).isEqualTo(Map.of("name", List.of("This field may not be blank.")));
        assertThat(errors("{\"name\": true}", WriteMode.PATCH)).isEqualTo(Map.of("name", List.of("Not a valid string.")));
    }

    @Test
    void shouldNameThePythonTypeOfABadPrimaryKey() {
        for (String[] bad : new String[][] {{"\"abc\"", "str"}, {"true", "bool"}, {"[1]", "list"}, {"{}", "dict"}}) {
            assertThat(errors("{\"parent\": " + bad[0] + "}", WriteMode.PATCH)).isEqualTo(Map.of("parent",
                    List.of("Incorrect type. Expected pk value, received " + bad[1] + ".")));
        }
    }

    @Test
    void shouldAcceptDrfsBooleanSpellings() throws Exception {
        for (String yes : new String[] {"true", "\"True\"", "\"1\"", "1", "\"yes\"", "\"on\""}) {
            JsonNode clean = validate("{\"active\": " + yes + "}", WriteMode.PATCH);
            assertThat(clean.path("active").asBoolean()).as(yes).isTrue();
        }
        for (String no : new String[] {"false", "\"False\"", "\"0\"", "0", "\"no\"", "\"off\""}) {
            assertThat(validate("{\"active\": " + no + "}", WriteMode.PATCH).path("active").asBoolean(true)).as(no).isFalse();
        }
    }
}
