package io.eventfold.projection.dashboard;

import static io.eventfold.projection.ProjectionFixtures.cancelled;
import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.ProjectionFixtures.sessionAdded;
import static io.eventfold.projection.ProjectionFixtures.speakerAssigned;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.projection.ProjectionFixtures;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.Parking;
import io.eventfold.projection.engine.Projection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The projection against real PostgreSQL, batch by batch, as the consumer drives it. */
class DashboardProjectionIT {

    private final JdbcTemplate jdbc = new JdbcTemplate(ProjectionFixtures.readModelDatabase());
    private final JsonMapper json = JsonMapper.builder().build();
    private final Projection projection = DashboardProjection.create(new DashboardStore(jdbc, json));
    private final ProjectionFixtures stream = new ProjectionFixtures();
    private final Generation live = new Generation("dashboard", 1);
    private final Parking parking = new Parking(live, Set.of());

    /** As the table holds it: a store of its own has nothing cached. */
    private Dashboard stored(String eventId) {
        return new DashboardStore(jdbc, json).load(live, List.of(eventId)).get(eventId).dashboard();
    }

    @Test
    void a_row_folded_over_several_batches_equals_the_pure_fold_of_its_events() {
        var events = List.of(stream.next(scheduled("c1", "acme")),
                stream.next(sessionAdded("c1", "s1", 2)),
                stream.next(speakerAssigned("c1", "s1", "ann")),
                stream.next(registered("c1", "r1", Role.ATTENDEE, 1)),
                stream.next(registered("c1", "r2", Role.SPEAKER, 2)));

        projection.apply(events.subList(0, 2), parking, live);
        projection.apply(events.subList(2, 4), parking, live);
        projection.apply(events.subList(4, 5), parking, live);

        assertThat(stored("c1")).isEqualTo(fold(events));
        assertThat(stored("c1").stats()).isEqualTo(new Dashboard.Stats(1, 1, 1));
        assertThat(stored("c1").sessions().get(0).speakers()).extracting(Dashboard.Speaker::name)
                .containsExactly("Speaker ann");
    }

    @Test
    void the_stored_gzip_is_the_mappers_document_batch_after_batch_while_the_sessions_stay_the_same() {
        var events = new ArrayList<>(List.of(stream.next(scheduled("c1", "acme")),
                stream.next(sessionAdded("c1", "s1", 2)), stream.next(sessionAdded("c1", "s2", 3))));
        projection.apply(events, parking, live);
        for (int minute = 1; minute <= 3; minute++) {
            var registration = stream.next(registered("c1", "r" + minute, Role.ATTENDEE, minute));
            events.add(registration);
            projection.apply(List.of(registration), parking, live);

            var gzip = jdbc.queryForObject("select document_gzip from dashboard_g1 where conference_id = 'c1'",
                    byte[].class);
            assertThat(text(gzip)).isEqualTo(json.writeValueAsString(fold(events)))
                    .contains("\"registrationId\":\"r" + minute + "\"");
        }
    }

    @Test
    void redelivered_events_change_nothing() {
        var events = List.of(stream.next(scheduled("c1", "acme")),
                stream.next(registered("c1", "r1", Role.ATTENDEE, 1)),
                stream.next(registered("c1", "r2", Role.ATTENDEE, 2)));
        projection.apply(events, parking, live);
        var before = stored("c1");

        projection.apply(events.subList(1, 3), parking, live);
        projection.apply(List.of(events.get(2), events.get(1)), parking, live);

        assertThat(stored("c1")).isEqualTo(before);
        assertThat(before.stats().attendeeCount()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from dashboard_registration_g1", Integer.class)).isEqualTo(2);
    }

    @Test
    void cancelling_one_of_the_five_newest_brings_in_the_sixth_from_an_earlier_batch() {
        applySevenRegistrations("c1");

        projection.apply(List.of(stream.next(cancelled("c1", "r5", Role.ATTENDEE)),
                stream.next(registered("c1", "r8", Role.ORGANIZER, 8))), parking, live);

        assertThat(stored("c1").recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("r8", "r7", "r6", "r4", "r3");
        assertThat(stored("c1").stats().attendeeCount()).isEqualTo(6);
    }

    @Test
    void a_refill_leaves_out_registrations_cancelled_earlier() {
        // given seven registrations, r1 cancelled in a batch of its own
        applySevenRegistrations("c1");
        projection.apply(List.of(stream.next(cancelled("c1", "r1", Role.ATTENDEE))), parking, live);

        // when one of the five newest is cancelled
        projection.apply(List.of(stream.next(cancelled("c1", "r7", Role.ATTENDEE))), parking, live);

        // then
        assertThat(stored("c1").recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("r6", "r5", "r4", "r3", "r2");
    }

    @Test
    void refills_of_two_conferences_in_one_batch_each_take_their_own_newest() {
        var events = new ArrayList<EventEnvelope>();
        events.add(stream.next(scheduled("c1", "acme")));
        events.add(stream.next(scheduled("c2", "globex")));
        for (int minute = 1; minute <= 7; minute++) {
            events.add(stream.next(registered("c1", "a" + minute, Role.ATTENDEE, minute)));
            events.add(stream.next(registered("c2", "b" + minute, Role.ATTENDEE, 10 + minute)));
        }
        // a2's minute again: the later registration (higher version) counts as the newer of the two
        events.add(stream.next(registered("c1", "a8", Role.ATTENDEE, 2)));
        projection.apply(events, parking, live);

        projection.apply(List.of(stream.next(cancelled("c1", "a7", Role.ATTENDEE)),
                stream.next(cancelled("c2", "b4", Role.ATTENDEE))), parking, live);

        assertThat(stored("c1").recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("a6", "a5", "a4", "a3", "a8");
        assertThat(stored("c2").recentRegistrations()).extracting(Dashboard.Registration::registrationId)
                .containsExactly("b7", "b6", "b5", "b3", "b2");
    }

    @Test
    void conferences_in_one_batch_do_not_mix() {
        projection.apply(List.of(stream.next(scheduled("c1", "acme")), stream.next(scheduled("c2", "globex")),
                stream.next(registered("c2", "r1", Role.ATTENDEE, 1))), parking, live);

        assertThat(stored("c1").stats().attendeeCount()).isZero();
        assertThat(stored("c2").stats().attendeeCount()).isEqualTo(1);
        assertThat(stored("c2").event().organizationId()).isEqualTo("globex");
        assertThat(jdbc.queryForObject("select attendee_count from dashboard where conference_id = 'c2'",
                Integer.class))
                .isEqualTo(1);
    }

    @Test
    void a_dashboard_another_instance_wrote_meanwhile_is_read_from_the_table() {
        var other = DashboardProjection.create(new DashboardStore(jdbc, json));
        var events = List.of(stream.next(scheduled("c1", "acme")),
                stream.next(registered("c1", "r1", Role.ATTENDEE, 1)),
                stream.next(registered("c1", "r2", Role.ATTENDEE, 2)));
        projection.apply(events.subList(0, 1), parking, live);

        other.apply(events.subList(0, 2), parking, live);
        projection.apply(events.subList(2, 3), parking, live);

        assertThat(stored("c1")).isEqualTo(fold(events));
    }

    @Test
    void a_batch_that_rolled_back_leaves_nothing_for_the_next_one_to_trust() {
        var transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        var other = DashboardProjection.create(new DashboardStore(jdbc, json));
        var scheduled = stream.next(scheduled("c1", "acme"));
        projection.apply(List.of(scheduled), parking, live);
        var neverCommitted = stream.envelope(registered("c1", "r1", Role.ATTENDEE, 1), 1);
        var committedElsewhere = stream.envelope(registered("c1", "r2", Role.SPEAKER, 2), 1);
        var next = stream.envelope(registered("c1", "r3", Role.ATTENDEE, 3), 2);

        transaction.executeWithoutResult(status -> {
            projection.apply(List.of(neverCommitted), parking, live);
            status.setRollbackOnly();
        });
        other.apply(List.of(committedElsewhere), parking, live);
        projection.apply(List.of(next), parking, live);

        assertThat(stored("c1")).isEqualTo(fold(List.of(scheduled, committedElsewhere, next)));
    }

    @Test
    void a_session_change_is_written_even_when_the_conference_was_written_before() {
        projection.apply(List.of(stream.next(scheduled("c1", "acme")), stream.next(sessionAdded("c1", "s1", 1)),
                stream.next(registered("c1", "r1", Role.ATTENDEE, 1))), parking, live);
        projection.apply(List.of(stream.next(registered("c1", "r2", Role.ATTENDEE, 2))), parking, live);

        projection.apply(List.of(stream.next(new SessionRoomChanged("c1", "s1", "Room A", "Hall"))), parking, live);

        var document = text(jdbc.queryForObject("select document_gzip from dashboard_g1 where conference_id = 'c1'",
                byte[].class));
        assertThat(document).contains("\"room\":\"Hall\"").isEqualTo(json.writeValueAsString(stored("c1")));
    }

    @Test
    void cancellations_of_one_batch_record_exactly_their_conference_and_registration_pairs() {
        var events = new ArrayList<EventEnvelope>();
        for (var conference : List.of("c1", "c2")) {
            events.add(stream.next(scheduled(conference, "acme")));
            events.add(stream.next(registered(conference, "r1", Role.ATTENDEE, 1)));
            events.add(stream.next(registered(conference, "r2", Role.ATTENDEE, 2)));
        }
        projection.apply(events, parking, live);

        projection.apply(List.of(stream.next(cancelled("c1", "r1", Role.ATTENDEE)),
                stream.next(cancelled("c2", "r2", Role.ATTENDEE))), parking, live);

        assertThat(jdbc.queryForList("select conference_id || '/' || registration_id from dashboard_cancellation_g1 "
                + "order by 1", String.class)).containsExactly("c1/r1", "c2/r2");
        assertThat(jdbc.queryForObject("select count(*) from dashboard_registration_g1", Integer.class))
                .as("registrations are only appended").isEqualTo(4);
        assertThat(stored("c1").stats().attendeeCount()).isEqualTo(1);
        assertThat(stored("c2").stats().attendeeCount()).isEqualTo(1);
    }

    @Test
    void registration_text_with_tabs_newlines_backslashes_and_any_script_is_stored_as_sent() {
        var odd = new PersonRegistered("c1", "r1", "user\\1", "Ann\tLée\n李 Jr. 🎤", "a\\b@exämple.com\r",
                Role.ATTENDEE, ProjectionFixtures.T0);
        projection.apply(List.of(stream.next(scheduled("c1", "acme")), stream.next(odd),
                stream.next(registered("c1", "r2", Role.ATTENDEE, 2)),
                stream.next(cancelled("c1", "r2", Role.ATTENDEE))), parking, live);

        assertThat(jdbc.queryForList("select user_id, name, email from dashboard_registration_g1 r where not exists "
                + "(select from dashboard_cancellation_g1 c where c.registration_id = r.registration_id)"))
                .containsExactly(Map.of("user_id", odd.userId(), "name", odd.name(), "email", odd.email()));
        assertThat(stored("c1").recentRegistrations()).extracting(Dashboard.Registration::name)
                .containsExactly(odd.name());
    }

    /** Conference {@code id} scheduled, then r1 to r7 registered at minutes 1 to 7, in one batch. */
    private void applySevenRegistrations(String id) {
        var events = new ArrayList<EventEnvelope>();
        events.add(stream.next(scheduled(id, "acme")));
        for (int minute = 1; minute <= 7; minute++) {
            events.add(stream.next(registered(id, "r" + minute, Role.ATTENDEE, minute)));
        }
        projection.apply(events, parking, live);
    }

    private static String text(byte[] gzip) {
        return new String(ProjectionFixtures.gunzip(gzip), StandardCharsets.UTF_8);
    }

    private static Dashboard fold(List<EventEnvelope> events) {
        Dashboard dashboard = null;
        for (var e : events) {
            dashboard = DashboardFold.apply(dashboard, e.event(), e.version()).dashboard();
        }
        return dashboard;
    }
}
