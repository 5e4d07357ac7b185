package io.eventfold.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.Test;

class CompleteUpToTest {

    static final long SECOND = Duration.ofSeconds(1).toNanos();

    final GapClock clock = new GapClock(Duration.ofSeconds(30));
    final List<List<Long>> asked = new ArrayList<>();
    /** No event stored at any position asked about. */
    final GapClock.StoredPositions none = positions -> {
        asked.add(positions);
        return Set.of();
    };

    @Test
    void without_gaps_everything_up_to_the_token_is_complete() {
        var token = GapAwareTrackingToken.newInstance(101, List.of());

        assertThat(clock.completeUpTo(token, 0, none)).isEqualTo(101);
    }

    @Test
    void a_position_a_transaction_may_still_commit_holds_the_watermark_below_it() {
        var token = GapAwareTrackingToken.newInstance(101, List.of(97L, 100L));

        assertThat(clock.completeUpTo(token, 0, none)).isEqualTo(96);
        assertThat(clock.completeUpTo(token, 29 * SECOND, none)).as("still young").isEqualTo(96);
        assertThat(asked).as("young gaps need no look at the store").isEmpty();
    }

    @Test
    void a_gap_older_than_the_window_without_a_stored_event_no_longer_holds_the_watermark() {
        clock.completeUpTo(GapAwareTrackingToken.newInstance(101, List.of(97L)), 0, none);
        var later = GapAwareTrackingToken.newInstance(150, List.of(97L, 120L));
        clock.completeUpTo(later, 10 * SECOND, none);

        assertThat(clock.completeUpTo(later, 30 * SECOND, none)).as("97 is old, 120 young").isEqualTo(119);
        assertThat(clock.completeUpTo(later, 40 * SECOND, none)).as("both old").isEqualTo(150);
        assertThat(asked).containsExactly(List.of(97L), List.of(120L));
    }

    @Test
    void an_old_gap_whose_event_is_stored_but_not_yet_relayed_still_holds_the_watermark() {
        var token = GapAwareTrackingToken.newInstance(101, List.of(97L));
        clock.completeUpTo(token, 0, none);

        GapClock.StoredPositions all = positions -> positions;

        assertThat(clock.completeUpTo(token, 31 * SECOND, all)).isEqualTo(96);
        assertThat(clock.completeUpTo(token, 40 * SECOND, all)).isEqualTo(96);
        var relayed = GapAwareTrackingToken.newInstance(101, List.of());
        assertThat(clock.completeUpTo(relayed, 41 * SECOND, none)).isEqualTo(101);
    }

    @Test
    void a_gap_seen_again_after_it_was_pruned_counts_from_its_new_first_sighting() {
        clock.completeUpTo(GapAwareTrackingToken.newInstance(101, List.of(97L)), 0, none);
        clock.completeUpTo(GapAwareTrackingToken.newInstance(102, List.of()), 20 * SECOND, none);

        var again = GapAwareTrackingToken.newInstance(101, List.of(97L));
        assertThat(clock.completeUpTo(again, 25 * SECOND, none)).isEqualTo(96);
        assertThat(clock.completeUpTo(again, 54 * SECOND, none)).isEqualTo(96);
        assertThat(clock.completeUpTo(again, 55 * SECOND, none)).isEqualTo(101);
    }

    @Test
    void an_older_token_does_not_forget_the_gaps_of_a_newer_one() {
        var newer = GapAwareTrackingToken.newInstance(150, List.of(120L));
        clock.completeUpTo(newer, 0, none);
        clock.completeUpTo(GapAwareTrackingToken.newInstance(110, List.of()), 20 * SECOND, none);

        assertThat(clock.completeUpTo(newer, 30 * SECOND, none)).as("120 counted from 0").isEqualTo(150);
    }

    @Test
    void a_gap_found_without_its_event_once_is_not_looked_up_again() {
        var token = GapAwareTrackingToken.newInstance(101, List.of(97L));
        clock.completeUpTo(token, 0, none);
        clock.completeUpTo(token, 30 * SECOND, none);
        clock.completeUpTo(token, 31 * SECOND, none);

        assertThat(asked).containsExactly(List.of(97L));
    }
}
