package io.eventfold.projection;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.EventTypes;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.infra.TestInfrastructure;
import io.eventfold.messaging.EventHeaders;
import io.eventfold.projection.engine.EventEnvelope;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Shared test data: a stream of one or more conferences' events, numbered as the command side would. */
public final class ProjectionFixtures {

    public static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private final Map<String, Long> versions = new HashMap<>();
    private final AtomicLong offset = new AtomicLong();
    private final AtomicLong position = new AtomicLong();

    /** Wraps the next event of its conference in an envelope with the next version, offset and position. */
    public EventEnvelope next(ConferenceEvent event) {
        long version = versions.merge(event.eventId(), 0L, (old, zero) -> old + 1);
        return envelope(event, version);
    }

    public EventEnvelope envelope(ConferenceEvent event, long version) {
        var headers = new EventHeaders(EventTypes.wireNameOf(event.getClass()).orElseThrow(),
                "msg-" + position.incrementAndGet(), event.eventId(), version, position.get(), T0);
        return EventEnvelope.decoded("events", 0, offset.getAndIncrement(), 0, headers, event, ByteBuffer.allocate(0));
    }

    public static ConferenceScheduled scheduled(String eventId, String org) {
        return new ConferenceScheduled(eventId, org, "Conf " + eventId, LocalDate.parse("2027-03-01"),
                LocalDate.parse("2027-03-03"), 100, T0);
    }

    public static ConferenceStatusChanged statusChanged(String eventId, ConferenceStatus from, ConferenceStatus to) {
        return new ConferenceStatusChanged(eventId, from, to, T0);
    }

    public static PersonRegistered registered(String eventId, String registrationId, Role role, int minute) {
        return new PersonRegistered(eventId, registrationId, "user-" + registrationId, "Name " + registrationId,
                registrationId + "@example.com", role, T0.plusSeconds(60L * minute));
    }

    public static RegistrationCancelled cancelled(String eventId, String registrationId, Role role) {
        return new RegistrationCancelled(eventId, registrationId, "user-" + registrationId, role, T0);
    }

    public static SessionAdded sessionAdded(String eventId, String sessionId, int hour) {
        return new SessionAdded(eventId, sessionId, "Talk " + sessionId, "Room A",
                T0.plusSeconds(3600L * hour), T0.plusSeconds(3600L * hour + 1800));
    }

    public static SpeakerAssigned speakerAssigned(String eventId, String sessionId, String userId) {
        return new SpeakerAssigned(eventId, sessionId, userId, "Speaker " + userId, null, "ACME");
    }

    /**
     * A conference's history as the command side would write it: scheduled, published, sessions with
     * speakers, registrations of which some are cancelled. The seed decides the sizes.
     */
    public static List<ConferenceEvent> history(String eventId, String org, int seed) {
        var events = new ArrayList<ConferenceEvent>();
        events.add(scheduled(eventId, org));
        events.add(statusChanged(eventId, ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED));
        for (int s = 0; s < seed % 4; s++) {
            events.add(sessionAdded(eventId, "s" + s, s));
            events.add(speakerAssigned(eventId, "s" + s, "speaker-" + s));
        }
        for (int r = 0; r < 3 + seed % 9; r++) {
            events.add(registered(eventId, "r" + r, r % 5 == 0 ? Role.SPEAKER : Role.ATTENDEE, r));
            if (r % 4 == 3) {
                events.add(cancelled(eventId, "r" + r, Role.ATTENDEE));
            }
        }
        if (seed % 5 == 0) {
            events.add(statusChanged(eventId, ConferenceStatus.PUBLISHED, ConferenceStatus.CANCELLED));
        }
        return events;
    }

    /** A fresh database with the read-model schema, for projection tests without Spring. */
    public static DataSource readModelDatabase() {
        var infra = TestInfrastructure.get();
        var dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), infra.newDatabase(),
                infra.username(), "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/readmodel").load().migrate();
        return dataSource;
    }

    /** A gzip member's content, as any HTTP client would inflate it. */
    public static byte[] gunzip(byte[] gzip) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
