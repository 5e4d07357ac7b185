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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A conference's registrations: one active registration per person, attendees only for a published event
 * and within its capacity, every role within the conference's limits. Decides the registration commands, given
 * the conference's status, capacity and organization: its organizers register and cancel anyone, an attendee
 * only themselves. It keeps only what these rules need: an active registration compactly, a cancelled one as
 * two fingerprints.
 */
class Registrations {

    /** Heap per entry, roughly: a map node, a UUID-sized id, the registration record and its user id. */
    private static final long ACTIVE_BYTES = 320;
    /** Two boxed longs in a map node. */
    private static final long CANCELLED_BYTES = 96;

    private Map<String, ActiveRegistration> active = new HashMap<>();
    private CancelledRegistrations cancelled = new CancelledRegistrations();
    private Map<Role, Integer> activeByRole = new EnumMap<>(Role.class);
    /** Derived from {@code active}: not in snapshots, rebuilt on first use after a restore. */
    private transient Set<String> activeUsers;

    long approximateBytes() {
        return active.size() * ACTIVE_BYTES + cancelled.size() * CANCELLED_BYTES;
    }

    Accepted register(RegisterPerson command, ConferenceStatus status, int capacity, String organizationId,
                      ConferenceLimits limits) {
        requireMayRegister(command, status, organizationId);
        var existing = active.get(command.registrationId());
        if (existing != null) {
            if (!existing.sameAs(command)) {
                throw new RuleViolationException(
                        "Registration " + command.registrationId() + " exists with other details");
            }
            return new Accepted(command.registrationId(), existing.version());
        }
        if (cancelled.contains(command.registrationId())) {
            throw new RuleViolationException("Registration " + command.registrationId()
                    + " was cancelled; a new registration needs a new id");
        }
        Conference.requireOpen(status);
        if (activeUsers().contains(command.userId())) {
            throw new RuleViolationException("Person " + command.userId() + " is already registered for this event");
        }
        if (command.role() == Role.ATTENDEE) {
            if (status != ConferenceStatus.PUBLISHED) {
                throw new RuleViolationException("Attendees can register only for a PUBLISHED event, not " + status);
            }
            if (count(Role.ATTENDEE) >= capacity) {
                throw new RuleViolationException("The event is full (capacity " + capacity + ")");
            }
        }
        requireWithinLimits(command.role(), limits);
        apply(new PersonRegistered(command.eventId(), command.registrationId(), command.userId(), command.name(),
                command.email(), command.role(), command.at()));
        return Conference.accepted(command.registrationId());
    }

    /** Each is decided on the state the ones before it left. A refused one stores nothing: rules come first. */
    List<Decision> registerAll(RegisterPeople command, ConferenceStatus status, int capacity, String organizationId,
                               ConferenceLimits limits) {
        var decisions = new ArrayList<Decision>(command.registrations().size());
        for (var registration : command.registrations()) {
            try {
                decisions.add(Decision.accepted(register(registration, status, capacity, organizationId, limits)));
            } catch (RuleViolationException refused) {
                decisions.add(Decision.refused(refused.getMessage()));
            } catch (UnknownEntityException unseen) {
                decisions.add(Decision.notFound(unseen.getMessage()));
            }
        }
        return decisions;
    }

    Accepted cancel(CancelRegistration command, ConferenceStatus status, String organizationId) {
        var registration = active.get(command.registrationId());
        requireMayCancel(command, registration, status, organizationId);
        if (registration != null) {
            Conference.requireOpen(status);
            apply(new RegistrationCancelled(command.eventId(), command.registrationId(), registration.userId(),
                    registration.role(), command.at()));
        } else if (!cancelled.contains(command.registrationId())) {
            throw new UnknownEntityException("No registration " + command.registrationId());
        }
        return Conference.accepted(command.registrationId());
    }

    private void requireWithinLimits(Role role, ConferenceLimits limits) {
        if (count(role) >= limits.registrationsOf(role)) {
            throw new RuleViolationException("The event holds its limit of " + limits.registrationsOf(role) + " "
                    + role + " registrations");
        }
        if (active.size() + cancelled.size() >= limits.registrationIds()) {
            throw new RuleViolationException("The event has used its limit of " + limits.registrationIds()
                    + " registration ids, cancelled ones included");
        }
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
    private void requireMayCancel(CancelRegistration command, ActiveRegistration registration,
                                  ConferenceStatus status, String organizationId) {
        var actor = command.actor();
        if (actor.organizes(organizationId) || actor.attendee() && (registration != null
                ? registration.userId().equals(actor.subject())
                : cancelled.ownedBy(command.registrationId(), actor.subject()))) {
            return;
        }
        throw !actor.attendee() || status == ConferenceStatus.DRAFT ? Conference.unknown(command.eventId())
                : new UnknownEntityException("No registration " + command.registrationId());
    }

    private int count(Role role) {
        return activeByRole.getOrDefault(role, 0);
    }

    private Set<String> activeUsers() {
        if (activeUsers == null) {
            activeUsers = new HashSet<>();
            active.values().forEach(registration -> activeUsers.add(registration.userId()));
        }
        return activeUsers;
    }

    @EventSourcingHandler
    void on(PersonRegistered event, @SequenceNumber long version) {
        active.put(event.registrationId(), ActiveRegistration.of(event, version));
        activeUsers().add(event.userId());
        activeByRole.merge(event.role(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(RegistrationCancelled event) {
        if (active.remove(event.registrationId()) != null) {
            cancelled.add(event.registrationId(), event.userId());
            activeUsers().remove(event.userId());
            activeByRole.merge(event.role(), -1, Integer::sum);
        }
    }
}
