package io.findingflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobsConfigTest {

    @Test
    void shouldCheckpointEveryFifteenSecondsUnlessConfigured() {
        assertThat(JobsConfig.fromEnv(Map.of()).checkpointInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(JobsConfig.fromEnv(Map.of(JobsConfig.CHECKPOINT_INTERVAL_MS, "2000")).checkpointInterval())
                .isEqualTo(Duration.ofSeconds(2));
    }
}
