package io.eventfold.command.conference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.command.conference.ConferenceCommands.ScheduleEvent;
import io.eventfold.contracts.conference.EventScheduled;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.conference.EventStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One conference event: its lifecycle, sessions with their speakers, and registrations. */
@Aggregate(snapshotTriggerDefinition = "conferenceSnapshotTrigger", cache = "conferenceCache",
        commandTargetResolver = ConferenceTarget.BEAN)
class Conference {

    private static final Set<EventStatus> OPEN = Set.of(EventStatus.DRAFT, EventStatus.PUBLISHED);
    private static final Map<EventStatus, Set<EventStatus>> TRANSITIONS = Map.of(
            EventStatus.DRAFT, Set.of(EventStatus.PUBLISHED, EventStatus.CANCELLED),
            EventStatus.PUBLISHED, Set.of(EventStatus.COMPLETED, EventStatus.CANCELLED),
            EventStatus.COMPLETED, Set.of(),
            EventStatus.CANCELLED, Set.of());

    @AggregateIdentifier
    private String eventId;
    private EventStatus status;
    private int capacity;
    private int attendees;
    private Map<String, SessionState> sessions = new HashMap<>();
    private Map<String, RegistrationState> registrations = new HashMap<>();
    private Map<String, String> activeRegistrationByUser = new HashMap<>();

    Conference() {
        // for Axon
    }

    @CommandHandler
    Conference(ScheduleEvent command) {
        apply(new EventScheduled(command.eventId(), command.organizationId(), command.name(), command.startDate(),
                command.endDate(), command.capacity(), command.at()));
    }

    @CommandHandler
    Accepted handle(ChangeStatus command) {
        if (command.status() != status) {
            if (!TRANSITIONS.get(status).contains(command.status())) {
                throw new RuleViolationException("The event cannot go from " + status + " to " + command.status());
            }
            apply(new EventStatusChanged(eventId, status, command.status(), command.at()));
        }
        return accepted(eventId);
    }

    @CommandHandler
    Accepted handle(AddSession command) {
        var existing = sessions.get(command.sessionId());
        if (existing != null) {
            return existing.sameAs(command) ? new Accepted(command.sessionId(), existing.addedAtVersion())
                    : conflict("Session " + command.sessionId() + " exists with other details");
        }
        requireOpen();
        apply(new SessionAdded(eventId, command.sessionId(), command.title(), command.room(), command.startsAt(),
                command.endsAt()));
        return accepted(command.sessionId());
    }

    @CommandHandler
    Accepted handle(ChangeSessionRoom command) {
        var session = activeSession(command.sessionId());
        if (!session.room().equals(command.room())) {
            apply(new SessionRoomChanged(eventId, command.sessionId(), session.room(), command.room()));
        }
        return accepted(command.sessionId());
    }

    @CommandHandler
    Accepted handle(CancelSession command) {
        var session = session(command.sessionId());
        if (!session.cancelled()) {
            requireOpen();
            apply(new SessionCancelled(eventId, command.sessionId(), command.at()));
        }
        return accepted(command.sessionId());
    }

    @CommandHandler
    Accepted handle(AssignSpeaker command) {
        if (!activeSession(command.sessionId()).speakers().contains(command.userId())) {
            apply(new SpeakerAssigned(eventId, command.sessionId(), command.userId(), command.name(), command.bio(),
                    command.company()));
        }
        return accepted(command.sessionId());
    }

    @CommandHandler
    Accepted handle(RemoveSpeaker command) {
        if (!activeSession(command.sessionId()).speakers().contains(command.userId())) {
            throw new UnknownEntityException("Session " + command.sessionId() + " has no speaker " + command.userId());
        }
        apply(new SpeakerRemoved(eventId, command.sessionId(), command.userId()));
        return accepted(command.sessionId());
    }

    @CommandHandler
    Accepted handle(RegisterPerson command) {
        var existing = registrations.get(command.registrationId());
        if (existing != null) {
            return existing.sameAs(command) ? new Accepted(command.registrationId(), existing.registeredAtVersion())
                    : conflict("Registration " + command.registrationId() + " exists with other details");
        }
        requireOpen();
        if (activeRegistrationByUser.containsKey(command.userId())) {
            throw new RuleViolationException("Person " + command.userId() + " is already registered for this event");
        }
        if (command.role() == Role.ATTENDEE) {
            if (status != EventStatus.PUBLISHED) {
                throw new RuleViolationException("Attendees can register only for a PUBLISHED event, not " + status);
            }
            if (attendees >= capacity) {
                throw new RuleViolationException("The event is full (capacity " + capacity + ")");
            }
        }
        apply(new PersonRegistered(eventId, command.registrationId(), command.userId(), command.name(),
                command.email(), command.role(), command.at()));
        return accepted(command.registrationId());
    }

    /** Each is decided on the state the ones before it left. A refused one stores nothing: rules come first. */
    @CommandHandler
    List<Decision> handle(RegisterPeople command) {
        var decisions = new ArrayList<Decision>(command.registrations().size());
        for (var registration : command.registrations()) {
            try {
                decisions.add(Decision.accepted(handle(registration)));
            } catch (RuleViolationException refused) {
                decisions.add(Decision.refused(refused.getMessage()));
            }
        }
        return decisions;
    }

    @CommandHandler
    Accepted handle(CancelRegistration command) {
        var registration = registrations.get(command.registrationId());
        if (registration == null) {
            throw new UnknownEntityException("No registration " + command.registrationId());
        }
        if (registration.active()) {
            requireOpen();
            apply(new RegistrationCancelled(eventId, command.registrationId(), registration.registered().userId(),
                    registration.registered().role(), command.at()));
        }
        return accepted(command.registrationId());
    }

    @EventSourcingHandler
    void on(EventScheduled event) {
        eventId = event.eventId();
        status = EventStatus.DRAFT;
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(EventStatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(SessionAdded event, @SequenceNumber long version) {
        sessions.put(event.sessionId(), SessionState.added(event, version));
    }

    @EventSourcingHandler
    void on(SessionRoomChanged event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withRoom(event.toRoom()));
    }

    @EventSourcingHandler
    void on(SessionCancelled event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.asCancelled());
    }

    @EventSourcingHandler
    void on(SpeakerAssigned event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withSpeaker(event.userId()));
    }

    @EventSourcingHandler
    void on(SpeakerRemoved event) {
        sessions.computeIfPresent(event.sessionId(), (id, session) -> session.withoutSpeaker(event.userId()));
    }

    @EventSourcingHandler
    void on(PersonRegistered event, @SequenceNumber long version) {
        registrations.put(event.registrationId(), new RegistrationState(event, version, true));
        activeRegistrationByUser.put(event.userId(), event.registrationId());
        attendees += event.role() == Role.ATTENDEE ? 1 : 0;
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        registrations.computeIfPresent(event.registrationId(), (id, registration) -> registration.asCancelled());
        activeRegistrationByUser.remove(event.userId());
        attendees -= event.role() == Role.ATTENDEE ? 1 : 0;
    }

    private void requireOpen() {
        if (!OPEN.contains(status)) {
            throw new RuleViolationException("The event is " + status + " and takes no more changes");
        }
    }

    private SessionState session(String sessionId) {
        var session = sessions.get(sessionId);
        if (session == null) {
            throw new UnknownEntityException("No session " + sessionId);
        }
        return session;
    }

    private SessionState activeSession(String sessionId) {
        var session = session(sessionId);
        if (session.cancelled()) {
            throw new RuleViolationException("Session " + sessionId + " is cancelled and takes no more changes");
        }
        requireOpen();
        return session;
    }

    private static Accepted accepted(String id) {
        return new Accepted(id, getVersion() == null ? 0 : getVersion());
    }

    private static Accepted conflict(String message) {
        throw new RuleViolationException(message);
    }
}
