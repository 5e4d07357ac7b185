package io.eventfold.command.conference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A conference's sessions with their speakers: decides the session commands, given the conference's status,
 * within its limits of sessions and of speakers per session.
 */
class Sessions {

    /** Heap per session, roughly (its added event's texts included), and per speaker of one. */
    private static final long SESSION_BYTES = 1_024;
    private static final long SPEAKER_BYTES = 96;

    private Map<String, SessionState> byId = new HashMap<>();

    long approximateBytes() {
        long speakers = byId.values().stream().mapToLong(session -> session.speakers().size()).sum();
        return byId.size() * SESSION_BYTES + speakers * SPEAKER_BYTES;
    }

    Accepted add(AddSession command, ConferenceStatus status, ConferenceLimits limits) {
        var existing = byId.get(command.sessionId());
        if (existing != null) {
            if (!existing.sameAs(command)) {
                throw new RuleViolationException("Session " + command.sessionId() + " exists with other details");
            }
            return new Accepted(command.sessionId(), existing.addedAtVersion());
        }
        Conference.requireOpen(status);
        if (byId.size() >= limits.sessions()) {
            throw new RuleViolationException("The event holds its limit of " + limits.sessions()
                    + " sessions, cancelled ones included");
        }
        apply(new SessionAdded(command.eventId(), command.sessionId(), command.title(), command.room(),
                command.startsAt(), command.endsAt()));
        return Conference.accepted(command.sessionId());
    }

    Accepted changeRoom(ChangeSessionRoom command, ConferenceStatus status) {
        var session = active(command.sessionId(), status);
        if (!session.room().equals(command.room())) {
            apply(new SessionRoomChanged(command.eventId(), command.sessionId(), session.room(), command.room()));
        }
        return Conference.accepted(command.sessionId());
    }

    Accepted cancel(CancelSession command, ConferenceStatus status) {
        if (!existing(command.sessionId()).cancelled()) {
            Conference.requireOpen(status);
            apply(new SessionCancelled(command.eventId(), command.sessionId(), command.at()));
        }
        return Conference.accepted(command.sessionId());
    }

    Accepted assignSpeaker(AssignSpeaker command, ConferenceStatus status, ConferenceLimits limits) {
        var speakers = active(command.sessionId(), status).speakers();
        if (!speakers.contains(command.userId())) {
            if (speakers.size() >= limits.speakersPerSession()) {
                throw new RuleViolationException("Session " + command.sessionId() + " holds its limit of "
                        + limits.speakersPerSession() + " speakers");
            }
            apply(new SpeakerAssigned(command.eventId(), command.sessionId(), command.userId(), command.name(),
                    command.bio(), command.company()));
        }
        return Conference.accepted(command.sessionId());
    }

    Accepted removeSpeaker(RemoveSpeaker command, ConferenceStatus status) {
        if (!active(command.sessionId(), status).speakers().contains(command.userId())) {
            throw new UnknownEntityException("Session " + command.sessionId() + " has no speaker " + command.userId());
        }
        apply(new SpeakerRemoved(command.eventId(), command.sessionId(), command.userId()));
        return Conference.accepted(command.sessionId());
    }

    @EventSourcingHandler
    void on(SessionAdded event, @SequenceNumber long version) {
        byId.put(event.sessionId(), SessionState.added(event, version));
    }

    @EventSourcingHandler
    void on(SessionRoomChanged event) {
        byId.computeIfPresent(event.sessionId(), (id, session) -> session.withRoom(event.toRoom()));
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        byId.computeIfPresent(event.sessionId(), (id, session) -> session.asCancelled());
    }

    @EventSourcingHandler
    void on(SpeakerAssigned event) {
        byId.computeIfPresent(event.sessionId(), (id, session) -> session.withSpeaker(event.userId()));
    }

    @EventSourcingHandler
    void on(SpeakerRemoved event) {
        byId.computeIfPresent(event.sessionId(), (id, session) -> session.withoutSpeaker(event.userId()));
    }

    private SessionState existing(String sessionId) {
        var session = byId.get(sessionId);
        if (session == null) {
            throw new UnknownEntityException("No session " + sessionId);
        }
        return session;
    }

    private SessionState active(String sessionId, ConferenceStatus status) {
        var session = existing(sessionId);
        if (session.cancelled()) {
            throw new RuleViolationException("Session " + sessionId + " is cancelled and takes no more changes");
        }
        Conference.requireOpen(status);
        return session;
    }
}
