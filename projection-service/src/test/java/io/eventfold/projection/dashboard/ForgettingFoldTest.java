package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.T0;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.PersonalEvent;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.projection.PrivacyFixtures;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.privacy.PersonKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A forgotten person in the dashboard fold: no Spring, no database. */
class ForgettingFoldTest {

    private static final String F = PersonalEvent.FORGOTTEN;

    private static Dashboard fold(List<ConferenceEvent> events) {
        Dashboard dashboard = null;
        long version = 0;
        for (var event : events) {
            dashboard = DashboardFold.apply(dashboard, event, version++).dashboard();
        }
        return dashboard;
    }

    private static PersonRegistered registered(String registrationId, String userId, Role role, int minute) {
        return new PersonRegistered("c1", registrationId, userId, "Name of " + userId, userId + "@example.org", role,
                T0.plusSeconds(60L * minute));
    }

    @Test
    void a_forgotten_person_reads_as_forgotten_in_every_registration_and_session_and_the_counts_stay() {
        var before = new ArrayList<ConferenceEvent>(List.of(scheduled("c1", "acme"), sessionAdded("c1", "s1", 1),
                sessionAdded("c1", "s2", 2),
                new SpeakerAssigned("c1", "s1", "ada", "Ada", null, "ACME"),
                new SpeakerAssigned("c1", "s1", "bob", "Bob", "Bio", "Initech"),
                new SpeakerAssigned("c1", "s2", "ada", "Ada", "Her bio", null),
                registered("r1", "ada", Role.SPEAKER, 1), registered("r2", "bob", Role.ATTENDEE, 2),
                registered("r3", "ada", Role.ATTENDEE, 3)));
        var remembered = fold(before);
        before.add(new PersonForgotten("c1", "ada", T0));

        var forgotten = fold(before);

        assertThat(forgotten.stats()).isEqualTo(remembered.stats());
        assertThat(forgotten.sessions()).flatExtracting(Dashboard.Session::speakers).containsExactly(
                new Dashboard.Speaker("ada", F, F, F), new Dashboard.Speaker("bob", "Bob", "Bio", "Initech"),
                new Dashboard.Speaker("ada", F, F, F));
        assertThat(forgotten.recentRegistrations()).containsExactly(
                new Dashboard.Registration("r3", "ada", F, F, "ATTENDEE", T0.plusSeconds(180)),
                remembered.recentRegistrations().get(1),
                new Dashboard.Registration("r1", "ada", F, F, "SPEAKER", T0.plusSeconds(60)));
        assertThat(forgotten.toString()).doesNotContain("Name of ada", "ada@example.org", "Her bio");
    }

    /**
     * What a rebuild after the forgetting reads (their sealed events, without their keys) folds to what the live
     * projector made of the same events in clear followed by the forgetting: only the version differs.
     */
    @Property(tries = 60)
    void reading_the_forgotten_without_keys_equals_forgetting_them_afterwards(
            @ForAll @IntRange(min = 0, max = 60) int seed, @ForAll long choice) {
        var history = ProjectionFixtures.history("c1", "acme", seed);
        var random = new Random(choice);
        var people = history.stream().filter(PersonalEvent.class::isInstance)
                .map(e -> ((PersonalEvent<?>) e).userId()).collect(Collectors.toCollection(java.util.TreeSet::new));
        Set<String> forgotten = people.stream().filter(p -> random.nextBoolean()).collect(Collectors.toSet());
        var keys = new HashMap<String, PersonKey>();
        people.forEach(p -> keys.put(p, PrivacyFixtures.keyOf(p)));

        var rebuilt = history.stream().map(e -> e instanceof PersonalEvent<?> p
                ? PrivacyFixtures.open(PrivacyFixtures.seal(e, keys.get(p.userId())),
                        forgotten.contains(p.userId()) ? null : keys.get(p.userId()))
                : e).toList();
        var live = new ArrayList<>(history);
        forgotten.forEach(p -> live.add(new PersonForgotten("c1", p, T0)));

        assertThat(fold(rebuilt).atVersion(0)).isEqualTo(fold(live).atVersion(0));
        assertThat(fold(rebuilt).stats()).isEqualTo(fold(history).stats());
    }
}
