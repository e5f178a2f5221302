package io.findingflow.api.custommetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.findingflow.api.http.ApiException;
import io.findingflow.schemas.Json;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that code fails with a status and the exact ThreatConnect Failure body. */
public final class TcAssertions {

    private TcAssertions() {}

    public static void assertFailure(ThrowingCallable call, int status, String message) {
        ApiException e = catchThrowableOfType(ApiException.class, call);
        assertThat(e).as("expected a %d Failure: %s", status, message).isNotNull();
        assertThat(e.status()).isEqualTo(status);
        try {
            assertThat(Json.mapper().writeValueAsString(e.body()))
                    .isEqualTo(Json.mapper().writeValueAsString(new TcResponses.Failure("Failure", message)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new AssertionError(ex);
        }
    }
}
