package io.tributary.batch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void doublesTheBackoffForEachAttemptAndStopsAfterTheLast() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(30));
        assertThat(policy.delayAfter(0)).contains(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(1)).contains(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(2)).isEmpty();
        assertThat(new RetryPolicy(1, Duration.ZERO).delayAfter(0)).isEmpty();
    }

    @Test
    void refusesAttemptsOutOfRangeAndANegativeBackoff() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO)).hasMessageContaining("from 1 to 20");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(-1)))
                .hasMessageContaining("must not be negative");
    }
}
