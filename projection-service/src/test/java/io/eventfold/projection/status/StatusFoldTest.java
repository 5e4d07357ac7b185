package io.eventfold.projection.status;

import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.engine.FoldStore.Folded;
import io.eventfold.projection.status.CountedConference.CountKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status fold and the count moves it makes, in memory: no Spring, no database. */
class StatusFoldTest {

    private final StatusFold fold = new StatusFold();
    private final ProjectionFixtures stream = new ProjectionFixtures();

    @Test
    void a_scheduled_conference_is_a_draft_of_its_organization_then_takes_each_new_status() {
        var draft = fold.apply(null, stream.next(scheduled("c1", "acme")));
        var published = fold.apply(draft, stream.next(statusChanged("c1", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED)));

        assertThat(draft).isEqualTo(new CountedConference("c1", "acme", "DRAFT", 0));
        assertThat(published).isEqualTo(new CountedConference("c1", "acme", "PUBLISHED", 1));
        assertThat(fold.version(published)).isEqualTo(1);
        assertThat(fold.contiguous()).as("it sees only status events, so versions have gaps").isFalse();
    }

    @Test
    void a_status_change_of_a_conference_never_scheduled_cannot_be_applied() {
        var orphan = stream.next(statusChanged("c9", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));

        assertThatThrownBy(() -> fold.apply(null, orphan)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c9");
    }

    @Test
    void a_batch_moves_each_conference_from_the_count_it_was_loaded_in_to_the_one_it_ends_in() {
        var loaded = Map.of("c1", new CountedConference("c1", "acme", "DRAFT", 0),
                "c2", new CountedConference("c2", "acme", "PUBLISHED", 3));
        var changed = Map.of("c1", new CountedConference("c1", "acme", "CANCELLED", 2),
                "c2", new CountedConference("c2", "acme", "PUBLISHED", 5),
                "c3", new CountedConference("c3", "zeta", "DRAFT", 0));

        var deltas = StatusCountStore.deltas(new Folded<>(loaded, changed, List.of()));

        assertThat(deltas).containsOnly(Map.entry(new CountKey("acme", "DRAFT"), -1L),
                Map.entry(new CountKey("acme", "CANCELLED"), 1L), Map.entry(new CountKey("acme", "PUBLISHED"), 0L),
                Map.entry(new CountKey("zeta", "DRAFT"), 1L));
    }

    @Test
    void forgetting_a_person_or_their_personal_events_in_any_version_never_reach_the_status_fold() {
        assertThat(List.of("person.person-forgotten.v1", "registration.person-registered.v1",
                "registration.person-registered.v2", "session.speaker-assigned.v1", "session.speaker-assigned.v2"))
                .noneMatch(StatusCounts.DEFINITION.handles());
    }
}
