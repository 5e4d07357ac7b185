package io.eventfold.bench;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SpeakerAssigned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders workload steps as the events the command side would store for them, numbered as it would:
 * a version per conference from 0, a global position across all.
 */
final class EventSink implements Sink {

    /** An event with its conference version and global position. */
    record Stored(ConferenceEvent event, long version, long position) {
    }

    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    private final Map<String, Long> versions = new HashMap<>();
    private final Consumer<Stored> out;
    private long position;

    EventSink(Consumer<Stored> out) {
        this.out = out;
    }

    static void replay(Workload workload, Consumer<Stored> out) {
        var sink = new EventSink(out);
        workload.inOrder().forEach(step -> step.accept(sink));
    }

    private void emit(ConferenceEvent event) {
        long version = versions.merge(event.eventId(), 0L, (old, zero) -> old + 1);
        position++;
        out.accept(new Stored(event, version, position));
    }

    private Instant now() {
        return T0.plusSeconds(position);
    }

    @Override
    public void schedule(String id, String org, String name, LocalDate start, LocalDate end, int capacity) {
        emit(new ConferenceScheduled(id, org, name, start, end, capacity, now()));
    }

    @Override
    public void addSession(String id, String sessionId, String title, String room, Instant starts, Instant ends) {
        emit(new SessionAdded(id, sessionId, title, room, starts, ends));
    }

    @Override
    public void assignSpeaker(String id, String sessionId, String userId, String name, String bio, String company) {
        emit(new SpeakerAssigned(id, sessionId, userId, name, bio, company));
    }

    @Override
    public void changeStatus(String id, String from, String to) {
        emit(new ConferenceStatusChanged(id, ConferenceStatus.valueOf(from), ConferenceStatus.valueOf(to), now()));
    }

    @Override
    public void register(String id, String registrationId, String userId, String name, String email, String role) {
        emit(new PersonRegistered(id, registrationId, userId, name, email, Role.valueOf(role), now()));
    }

    @Override
    public void cancel(String id, String registrationId, String userId, String role) {
        emit(new RegistrationCancelled(id, registrationId, userId, Role.valueOf(role), now()));
    }
}
