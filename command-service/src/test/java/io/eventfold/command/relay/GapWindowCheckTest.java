package io.eventfold.command.relay;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The start-up check: the gap window is only safe with bounded writers, and longer than their bound. */
class GapWindowCheckTest {

    final RelayConfig config = new RelayConfig();

    @Test
    void the_defaults_pass() {
        assertThatCode(() -> config.gapClock(relay(30), writers(5, 5))).doesNotThrowAnyException();
    }

    @Test
    void a_window_not_longer_than_statement_and_idle_timeout_together_is_refused() {
        assertThatThrownBy(() -> config.gapClock(relay(10), writers(5, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("eventfold.relay.gap-window (PT10S) must be longer")
                .hasMessageContaining("(PT10S)");
    }

    @Test
    void an_unbounded_writer_is_refused() {
        assertThatThrownBy(() -> config.gapClock(relay(30), writers(0, 5)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must both be positive");
    }

    @Test
    void a_bound_that_reaches_half_of_axons_gap_timeout_is_refused() {
        assertThatThrownBy(() -> config.gapClock(relay(100), writers(15, 15)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("half of Axon's gap timeout");
    }

    private static RelayProperties relay(int windowSeconds) {
        return new RelayProperties(Duration.ofSeconds(windowSeconds));
    }

    private static WriterTimeouts writers(int statementSeconds, int idleSeconds) {
        return new WriterTimeouts(Duration.ofSeconds(statementSeconds), Duration.ofSeconds(idleSeconds));
    }
}
