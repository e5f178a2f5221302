package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.findingflow.api.http.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the body from bytes answers exactly what reading the decoded String answers. */
class TcResponsesJsonTest {

    private static final String[] BODIES = {"{\"value\":1}", " \n\t[{\"value\":\"2\",\"name\":\"ключ 🙂\"}]",
        "[1, 2", "{\"a\":1} trailing", "", "   ", "null", "5", "\"x\"", "\uFEFF{\"value\":1}", "{'value':1}",
        "[{\"value\":1e400}]", "{\"a\":1,\"a\":2}", "[]", "{}", "{\"s\":\"\\ud800\"}"};

    private static Object outcome(java.util.function.Supplier<JsonNode> read) {
        Throwable failure = catchThrowable(read::get);
        if (failure == null) {
            return read.get();
        }
        assertThat(failure).isInstanceOf(ApiException.class);
        ApiException api = (ApiException) failure;
        return api.status() + " " + ((TcResponses.Failure) api.body()).message();
    }

    @Test
    void shouldAnswerLikeTheStringPathForEveryCharsetAndBody() {
        List<byte[]> bodies = new ArrayList<>();
        for (String body : BODIES) {
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
            bodies.add(body.getBytes(StandardCharsets.UTF_16));
            bodies.add(body.getBytes(StandardCharsets.ISO_8859_1));
        }
        bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}); // invalid UTF-8
        bodies.add(new byte[] {'[', '"', (byte) 0xFF, (byte) 0xFE, '"', ']'});
        for (String charset : new String[] {null, "UTF-8", "utf-8", "ISO-8859-1", "UTF-16"}) {
            Charset decoding = charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
            for (byte[] body : bodies) {
                assertThat(outcome(() -> TcResponses.json(body, charset)))
                        .as("%s in %s", new String(body, decoding), charset)
                        .isEqualTo(outcome(() -> TcResponses.json(new String(body, decoding))));
            }
        }
    }
}
