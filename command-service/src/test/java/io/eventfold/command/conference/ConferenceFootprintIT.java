package io.eventfold.command.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.command.CommandServiceTest;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.registration.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a large conference costs: its snapshot's size and its cold load (snapshot plus tail, nothing cached).
 * The figures are printed, not asserted; only the size per registration is bounded. Size it with
 * {@code -Dfootprint.registrations=N} (50,000 by default, a tenth of them cancelled).
 */
@CommandServiceTest
class ConferenceFootprintIT {

    private static final int REGISTRATIONS = Integer.getInteger("footprint.registrations", 50_000);
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00Z");
    private static final Actor ORGANIZER = new Actor("organizer-of-acme", Set.of("acme"), false);

    @Autowired
    CommandGateway gateway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    Repository<Conference> conferences;
    @Autowired
    @Qualifier("conferenceCache")
    Cache cache;

    @Test
    void a_large_conference_snapshots_small_and_loads_from_it() {
        var eventId = "footprint-" + UUID.randomUUID();
        var ids = registered(eventId);
        for (int i = 0; i < ids.size(); i += 10) {
            gateway.sendAndWait(new CancelRegistration(eventId, ids.get(i), AT, ORGANIZER));
        }
        long last = jdbc.sql("select max(sequence_number) from domain_event_entry where aggregate_identifier = ?")
                .param(eventId).query(Long.class).single();
        // Once the snapshots the thresholds triggered are done, one of the latest state.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofMinutes(2)).until(() -> {
            snapshotter.scheduleSnapshot(Conference.class, eventId);
            return snapshotSequence(eventId) == last;
        });
        long bytes = jdbc.sql("""
                        select octet_length(payload) from snapshot_event_entry
                        where aggregate_identifier = ? order by sequence_number desc limit 1""")
                .param(eventId).query(Long.class).single();

        var loads = new ArrayList<Long>();
        for (int round = 0; round < 5; round++) {
            cache.removeAll();
            long start = System.nanoTime();
            var unitOfWork = DefaultUnitOfWork.startAndGet(null);
            try {
                assertThat(conferences.load(eventId).version()).isEqualTo(last);
            } finally {
                unitOfWork.rollback();
            }
            loads.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("FOOTPRINT %d registrations (%d cancelled), version %d: snapshot %d bytes "
                        + "(%d per registration), cold loads %s ms%n", REGISTRATIONS, (ids.size() + 9) / 10, last,
                bytes, bytes / REGISTRATIONS, loads);

        assertThat(bytes).as("snapshot bytes: compact registrations").isLessThan(REGISTRATIONS * 150L);
        var again = gateway.<List<Decision>>sendAndWait(new RegisterPeople(eventId, List.of(
                person(eventId, ids.get(1), 1), person(eventId, "another", 1))));
        assertThat(again).as("decided on the restored state").containsExactly(
                Decision.accepted(new ConferenceCommands.Accepted(ids.get(1), 3)),
                Decision.refused("Person user1 is already registered for this event"));
    }

    /** A published conference with REGISTRATIONS attendees, registered in batches; their ids in order. */
    private List<String> registered(String eventId) {
        gateway.sendAndWait(new ScheduleConference(eventId, "acme", "Footprint", LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-02"), REGISTRATIONS, AT, ORGANIZER));
        gateway.sendAndWait(new ChangeStatus(eventId, ConferenceStatus.PUBLISHED, AT, ORGANIZER));
        var ids = IntStream.range(0, REGISTRATIONS).mapToObj(i -> UUID.randomUUID().toString()).toList();
        for (int from = 0; from < REGISTRATIONS; from += 1_000) {
            gateway.sendAndWait(new RegisterPeople(eventId, IntStream.range(from, Math.min(REGISTRATIONS, from + 1_000))
                    .mapToObj(i -> person(eventId, ids.get(i), i)).toList()));
        }
        return ids;
    }

    private static RegisterPerson person(String eventId, String registrationId, int i) {
        return new RegisterPerson(eventId, registrationId, "user" + i, "Person Number " + i,
                "person." + i + "@example.com", Role.ATTENDEE, AT, ORGANIZER);
    }

    private long snapshotSequence(String eventId) {
        return jdbc.sql("select coalesce(max(sequence_number), -1) from snapshot_event_entry "
                + "where aggregate_identifier = ?").param(eventId).query(Long.class).single();
    }
}
