package io.findingflow.parsers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldOrderTest {

    private static final List<String> KNOWN = List.of("a", "b", "c");

    @Test
    void shouldReportEveryMemberWhetherTheOrderRepeatsChangesOrRepeatsAName() throws Exception {
        String json = "[{\"a\":1,\"b\":\"x\",\"c\":[1,{\"a\":2}]},"
                + "{\"a\":1,\"b\":2,\"c\":3},"
                + "{\"c\":1,\"zz\":{\"b\":1},\"a\":2},"
                + "{},"
                + "{\"b\":1,\"b\":2,\"other\":null},"
                + "{\"a\":1,\"b\":\"x\",\"c\":3}]";
        assertThat(readAll(json)).containsExactly(
                "a=0 b=1 c=2",
                "a=0 b=1 c=2",
                "c=2 zz=-1 a=0",
                "",
                "b=1 b=1 other=-1",
                "a=0 b=1 c=2");
    }

    @Test
    void shouldReadLongRunsOfUnknownNamesWithoutRememberingThemAll() throws Exception {
        StringBuilder json = new StringBuilder("[");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"k").append(i).append("\":1,\"a\":2}");
            expected.add("k" + i + "=-1 a=0");
        }
        assertThat(readAll(json.append(']').toString())).containsExactlyElementsOf(expected);
    }

    /** Each object's members as "name=index", read through one order as a parser reads a list of findings. */
    private static List<String> readAll(String json) throws Exception {
        List<String> objects = new ArrayList<>();
        JsonFieldOrder order = new JsonFieldOrder(KNOWN);
        try (JsonParser parser = JsonReports.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                StringBuilder members = new StringBuilder();
                order.startObject();
                while (order.next(parser)) {
                    members.append(members.length() == 0 ? "" : " ").append(parser.currentName()).append('=')
                            .append(order.index());
                    parser.nextToken();
                    parser.skipChildren();
                }
                assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
                objects.add(members.toString());
            }
        }
        return objects;
    }
}
