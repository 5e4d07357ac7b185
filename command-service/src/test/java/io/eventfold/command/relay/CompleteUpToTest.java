package io.eventfold.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class CompleteUpToTest {

    @Test
    void without_gaps_everything_up_to_the_token_is_complete() {
        var token = GapAwareTrackingToken.newInstance(101, List.of());

        assertThat(KafkaRelay.completeUpTo(token)).isEqualTo(101);
    }

    @Test
    void a_position_a_transaction_may_still_commit_holds_the_watermark_below_it() {
        var token = GapAwareTrackingToken.newInstance(101, List.of(97L, 100L));

        assertThat(KafkaRelay.completeUpTo(token)).isEqualTo(96);
    }
}
