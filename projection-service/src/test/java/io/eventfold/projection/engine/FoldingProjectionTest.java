package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.projection.ProjectionFixtures;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loop every projection shares, over an in-memory store: no Spring, no database. */
class FoldingProjectionTest {

    /** The versions applied to a conference, in order; a status change to CANCELLED cannot be applied. */
    private record Applied(List<Long> versions) {
    }

    private final Map<String, Applied> table = new HashMap<>();
    private final ProjectionFixtures stream = new ProjectionFixtures();
    private final Generation generation = new Generation("versions", 1);
    private final Parking parking = new Parking(generation, Set.of());

    private FoldingProjection<Applied> projection(boolean contiguous) {
        Fold<Applied> fold = new Fold<>() {
            @Override
            public Applied apply(Applied state, EventEnvelope event) {
                if (event.event() instanceof ConferenceStatusChanged c
                        && c.to() == ConferenceStatus.CANCELLED) {
                    throw new IllegalStateException("refused");
                }
                var versions = new ArrayList<>(state == null ? List.<Long>of() : state.versions());
                versions.add(event.version());
                return new Applied(List.copyOf(versions));
            }

            @Override
            public long version(Applied state) {
                return state.versions().get(state.versions().size() - 1);
            }

            @Override
            public boolean contiguous() {
                return contiguous;
            }
        };
        FoldStore<Applied> store = new FoldStore<>() {
            @Override
            public Map<String, Applied> load(Generation g, Collection<String> ids) {
                var found = new HashMap<String, Applied>();
                ids.stream().filter(table::containsKey).forEach(id -> found.put(id, table.get(id)));
                return found;
            }

            @Override
            public void save(Generation g, Folded<Applied> folded) {
                table.putAll(folded.changed());
            }
        };
        return new FoldingProjection<>(new ProjectionDefinition("versions", 1, List.of(), List.of(), t -> true),
                fold, store);
    }

    @Test
    void redelivered_events_are_skipped_and_a_later_batch_continues_from_the_stored_state() {
        var events = List.of(stream.next(scheduled("c1", "acme")),
                stream.next(statusChanged("c1", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED)));

        projection(true).apply(events, parking, generation);
        projection(true).apply(events, parking, generation);

        assertThat(table.get("c1").versions()).containsExactly(0L, 1L);
        assertThat(parking.parked()).isEmpty();
    }

    @Test
    void a_contiguous_fold_parks_an_event_after_a_missing_one_and_the_conference_waits_behind_it() {
        var first = stream.next(scheduled("c1", "acme"));
        stream.next(statusChanged("c1", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        var third = stream.next(statusChanged("c1", ConferenceStatus.PUBLISHED, ConferenceStatus.COMPLETED));
        var other = stream.next(scheduled("c2", "acme"));

        projection(true).apply(List.of(first, third, other), parking, generation);

        assertThat(table.get("c1").versions()).containsExactly(0L);
        assertThat(table.get("c2").versions()).containsExactly(0L);
        assertThat(parking.parked()).extracting(p -> p.reason()).singleElement().asString().startsWith(Parking.GAP);
    }

    @Test
    void a_fold_with_gaps_applies_the_later_event_and_a_refused_one_holds_back_only_its_conference() {
        var first = stream.next(scheduled("c1", "acme"));
        stream.next(statusChanged("c1", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        var cancelled = stream.next(statusChanged("c1", ConferenceStatus.PUBLISHED, ConferenceStatus.CANCELLED));
        var after = stream.next(statusChanged("c1", ConferenceStatus.CANCELLED, ConferenceStatus.DRAFT));
        var other = stream.next(scheduled("c2", "acme"));

        projection(false).apply(List.of(first, cancelled, after, other), parking, generation);

        assertThat(table.get("c1").versions()).containsExactly(0L);
        assertThat(table.get("c2").versions()).containsExactly(0L);
        assertThat(parking.parked()).extracting(p -> p.envelope().version()).containsExactly(2L, 3L);
    }
}
