package io.findingflow.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlOrderingTest {

    private static final Map<String, String> COLUMNS = Map.of("date", "date", "mitigated", "mitigated", "test", "test_id");

    @Test
    void descendingTermsPutEmptyValuesFirstAndAscendingLastAsPostgresDoes() {
        assertThat(SqlOrdering.of("-mitigated,test", COLUMNS, "id", "id"))
                .isEqualTo("mitigated DESC NULLS FIRST, test_id ASC NULLS LAST, id");
    }

    @Test
    void noParameterIsTheFallbackAndAnUnknownFieldIsDjangoFiltersError() {
        assertThat(SqlOrdering.of(null, COLUMNS, "id", "created, id")).isEqualTo("created, id");
        assertThatThrownBy(() -> SqlOrdering.of("-nope", COLUMNS, "id", "id")).isInstanceOf(ApiException.class)
                .hasMessageContaining("-nope is not one of the available choices.");
    }
}
