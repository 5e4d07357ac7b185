package io.eventfold.command.conference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A conference's registrations: one active registration per person, attendees only for a published event
 * and within its capacity. Decides the registration commands, given the conference's status and capacity.
 */
class Registrations {

    private Map<String, RegistrationState> byId = new HashMap<>();
    private Map<String, String> activeByUser = new HashMap<>();
    private int attendees;

    Accepted register(RegisterPerson command, EventStatus status, int capacity) {
        var existing = byId.get(command.registrationId());
        if (existing != null) {
            if (!existing.sameAs(command)) {
                throw new RuleViolationException(
                        "Registration " + command.registrationId() + " exists with other details");
            }
            return new Accepted(command.registrationId(), existing.registeredAtVersion());
        }
        Conference.requireOpen(status);
        if (activeByUser.containsKey(command.userId())) {
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
        apply(new PersonRegistered(command.eventId(), command.registrationId(), command.userId(), command.name(),
                command.email(), command.role(), command.at()));
        return Conference.accepted(command.registrationId());
    }

    /** Each is decided on the state the ones before it left. A refused one stores nothing: rules come first. */
    List<Decision> registerAll(RegisterPeople command, EventStatus status, int capacity) {
        var decisions = new ArrayList<Decision>(command.registrations().size());
        for (var registration : command.registrations()) {
            try {
                decisions.add(Decision.accepted(register(registration, status, capacity)));
            } catch (RuleViolationException refused) {
                decisions.add(Decision.refused(refused.getMessage()));
            }
        }
        return decisions;
    }

    Accepted cancel(CancelRegistration command, EventStatus status) {
        var registration = byId.get(command.registrationId());
        if (registration == null) {
            throw new UnknownEntityException("No registration " + command.registrationId());
        }
        if (registration.active()) {
            Conference.requireOpen(status);
            apply(new RegistrationCancelled(command.eventId(), command.registrationId(),
                    registration.registered().userId(), registration.registered().role(), command.at()));
        }
        return Conference.accepted(command.registrationId());
    }

    @EventSourcingHandler
    void on(PersonRegistered event, @SequenceNumber long version) {
        byId.put(event.registrationId(), new RegistrationState(event, version, true));
        activeByUser.put(event.userId(), event.registrationId());
        attendees += event.role() == Role.ATTENDEE ? 1 : 0;
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        byId.computeIfPresent(event.registrationId(), (id, registration) -> registration.asCancelled());
        activeByUser.remove(event.userId());
        attendees -= event.role() == Role.ATTENDEE ? 1 : 0;
    }
}
