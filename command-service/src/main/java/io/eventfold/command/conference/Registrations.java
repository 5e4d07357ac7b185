package io.eventfold.command.conference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.contracts.conference.ConferenceStatus;
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
 * and within its capacity. Decides the registration commands, given the conference's status, capacity and
 * organization: its organizers register and cancel anyone, an attendee only themselves.
 */
class Registrations {

    private Map<String, RegistrationState> byId = new HashMap<>();
    private Map<String, String> activeByUser = new HashMap<>();
    private int attendees;

    Accepted register(RegisterPerson command, ConferenceStatus status, int capacity, String organizationId) {
        requireMayRegister(command, status, organizationId);
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
            if (status != ConferenceStatus.PUBLISHED) {
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
    List<Decision> registerAll(RegisterPeople command, ConferenceStatus status, int capacity, String organizationId) {
        var decisions = new ArrayList<Decision>(command.registrations().size());
        for (var registration : command.registrations()) {
            try {
                decisions.add(Decision.accepted(register(registration, status, capacity, organizationId)));
            } catch (RuleViolationException refused) {
                decisions.add(Decision.refused(refused.getMessage()));
            } catch (UnknownEntityException unseen) {
                decisions.add(Decision.notFound(unseen.getMessage()));
            }
        }
        return decisions;
    }

    Accepted cancel(CancelRegistration command, ConferenceStatus status, String organizationId) {
        var registration = byId.get(command.registrationId());
        requireMayCancel(command, registration, status, organizationId);
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

    /** An attendee registers only themselves, as an attendee, and sees no conference in draft. */
    private static void requireMayRegister(RegisterPerson command, ConferenceStatus status, String organizationId) {
        var actor = command.actor();
        if (actor.organizes(organizationId)) {
            return;
        }
        boolean themselves = actor.attendee() && actor.subject().equals(command.userId())
                && command.role() == Role.ATTENDEE;
        if (!themselves || status == ConferenceStatus.DRAFT) {
            throw Conference.unknown(command.eventId());
        }
    }

    /**
     * An attendee cancels only their own registration; someone else's answers as an unknown one, and so does
     * the conference itself where the sender could not see it (another organization's organizer, a draft).
     */
    private static void requireMayCancel(CancelRegistration command, RegistrationState registration,
                                         ConferenceStatus status, String organizationId) {
        var actor = command.actor();
        if (actor.organizes(organizationId) || actor.attendee() && registration != null
                && registration.registered().userId().equals(actor.subject())) {
            return;
        }
        throw !actor.attendee() || status == ConferenceStatus.DRAFT ? Conference.unknown(command.eventId())
                : new UnknownEntityException("No registration " + command.registrationId());
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
