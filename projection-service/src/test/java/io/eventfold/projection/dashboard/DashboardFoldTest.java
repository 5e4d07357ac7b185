package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.cancelled;
import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static io.eventfold.projection.ProjectionFixtures.speakerAssigned;
import static io.eventfold.projection.ProjectionFixtures.statusChanged;
import static io.eventfold.projection.ProjectionFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerRemoved;
import org.junit.jupiter.api.Test;

class DashboardFoldTest {

    private static Dashboard fold(ConferenceEvent... events) {
        Dashboard dashboard = null;
        long version = 0;
        for (var event : events) {
            dashboard = DashboardFold.apply(dashboard, event, version++).dashboard();
        }
        return dashboard;
    }

    @Test
    void a_scheduled_event_starts_as_an_empty_draft() {
        var dashboard = fold(scheduled("c1", "acme"));

        assertThat(dashboard.event().status()).isEqualTo("DRAFT");
        assertThat(dashboard.event().organizationId()).isEqualTo("acme");
        assertThat(dashboard.stats()).isEqualTo(new Dashboard.Stats(0, 0, 0));
        assertThat(dashboard.version()).isZero();
    }

    @Test
    void counts_follow_registrations_and_cancellations_by_role() {
        var dashboard = fold(scheduled("c1", "acme"),
                statusChanged("c1", ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED),
                registered("c1", "a1", Role.ATTENDEE, 1),
                registered("c1", "a2", Role.ATTENDEE, 2),
                registered("c1", "s1", Role.SPEAKER, 3),
                registered("c1", "o1", Role.ORGANIZER, 4),
                cancelled("c1", "a1", Role.ATTENDEE));

        assertThat(dashboard.stats()).isEqualTo(new Dashboard.Stats(1, 0, 1));
        assertThat(dashboard.event().status()).isEqualTo("PUBLISHED");
        assertThat(dashboard.version()).isEqualTo(6);
    }

    @Test
    void recent_registrations_are_the_five_newest_newest_first() {
        var dashboard = fold(scheduled("c1", "acme"),
                registered("c1", "r1", Role.ORGANIZER, 1), registered("c1", "r2", Role.ORGANIZER, 2),
                registered("c1", "r3", Role.ORGANIZER, 3), registered("c1", "r4", Role.ORGANIZER, 4),
                registered("c1", "r5", Role.ORGANIZER, 5), registered("c1", "r6", Role.ORGANIZER, 6));

        assertThat(dashboard.recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("r6", "r5", "r4", "r3", "r2");
    }

    @Test
    void a_registration_stamped_before_the_listed_ones_takes_its_place_by_time_and_a_tie_goes_to_the_later_event() {
        var dashboard = fold(scheduled("c1", "acme"),
                registered("c1", "r5", Role.ORGANIZER, 5), registered("c1", "r9", Role.ORGANIZER, 9),
                registered("c1", "r7", Role.ORGANIZER, 7), registered("c1", "r1", Role.ORGANIZER, 1),
                registered("c1", "r7b", Role.ORGANIZER, 7), registered("c1", "r3", Role.ORGANIZER, 3),
                registered("c1", "r0", Role.ORGANIZER, 0));

        assertThat(dashboard.recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("r9", "r7b", "r7", "r5", "r3");
    }

    @Test
    void cancelling_a_listed_registration_asks_for_a_refill_and_an_unlisted_one_does_not() {
        var dashboard = fold(scheduled("c1", "acme"), registered("c1", "r1", Role.ORGANIZER, 1),
                registered("c1", "r2", Role.ORGANIZER, 2), registered("c1", "r3", Role.ORGANIZER, 3),
                registered("c1", "r4", Role.ORGANIZER, 4), registered("c1", "r5", Role.ORGANIZER, 5),
                registered("c1", "r6", Role.ORGANIZER, 6));

        var listed = DashboardFold.apply(dashboard, cancelled("c1", "r4", Role.ORGANIZER), 7);
        var unlisted = DashboardFold.apply(dashboard, cancelled("c1", "r1", Role.ORGANIZER), 7);

        assertThat(listed.needsRecentRefill()).isTrue();
        assertThat(listed.dashboard().recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("r6", "r5", "r3", "r2");
        assertThat(unlisted.needsRecentRefill()).isFalse();
        assertThat(unlisted.dashboard().recentRegistrations()).hasSize(5);
    }

    @Test
    void sessions_are_active_ones_by_start_time_with_speakers_in_assignment_order() {
        var dashboard = fold(scheduled("c1", "acme"),
                sessionAdded("c1", "late", 5), sessionAdded("c1", "early", 1), sessionAdded("c1", "gone", 3),
                speakerAssigned("c1", "early", "bob"), speakerAssigned("c1", "early", "ann"),
                speakerAssigned("c1", "early", "cid"), new SpeakerRemoved("c1", "early", "ann"),
                new SessionRoomChanged("c1", "late", "Room A", "Hall 2"),
                new SessionCancelled("c1", "gone", T0));

        assertThat(dashboard.sessions()).extracting(Dashboard.Session::id).containsExactly("early", "late");
        assertThat(dashboard.sessions().get(0).speakers()).extracting(Dashboard.Speaker::userId)
                .containsExactly("bob", "cid");
        assertThat(dashboard.sessions().get(1).room()).isEqualTo("Hall 2");
        assertThat(dashboard.stats().sessionCount()).isEqualTo(2);
    }

    @Test
    void an_event_before_its_scheduling_is_refused() {
        assertThatThrownBy(() -> DashboardFold.apply(null, registered("c1", "r1", Role.ATTENDEE, 1), 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("c1");
    }
}
