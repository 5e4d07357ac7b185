package io.eventfold.command.conference;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import io.eventfold.command.axon.Weighed;
import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.command.conference.ConferenceCommands.AssignSpeaker;
import io.eventfold.command.conference.ConferenceCommands.CancelRegistration;
import io.eventfold.command.conference.ConferenceCommands.CancelSession;
import io.eventfold.command.conference.ConferenceCommands.ChangeSessionRoom;
import io.eventfold.command.conference.ConferenceCommands.ChangeStatus;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.ForgetPerson;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.eventfold.contracts.person.PersonForgotten;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One conference event: its lifecycle here; its sessions and registrations in members that decide their own
 * commands against the status (and capacity) kept here. Who may send which command is decided here too, first:
 * only here is it known which organization runs the conference and whose each registration is.
 *
 * <p>The revision names the layout of the aggregate's snapshots. Axon skips a snapshot of another revision and
 * replays the events instead; raise it whenever a field changes shape, or an old snapshot (read with unknown
 * fields ignored) would restore a conference with its registrations silently missing.
 *
 * <p>Its limits ({@link ConferenceLimits}, a Spring bean) reach the command handlers as a parameter: they are
 * the service's configuration, not the conference's state, and are never in a snapshot.
 */
@Aggregate(snapshotTriggerDefinition = "conferenceSnapshotTrigger", cache = "conferenceCache",
        lockFactory = "conferenceLockFactory", commandTargetResolver = ConferenceTarget.BEAN)
@Revision("4")
class Conference implements Weighed {

    /** The aggregate and Axon's wrapper around it, before any session or registration. */
    private static final long BASE_BYTES = 1_024;
    private static final Set<ConferenceStatus> OPEN = Set.of(ConferenceStatus.DRAFT, ConferenceStatus.PUBLISHED);
    private static final Map<ConferenceStatus, Set<ConferenceStatus>> TRANSITIONS = Map.of(
            ConferenceStatus.DRAFT, Set.of(ConferenceStatus.PUBLISHED, ConferenceStatus.CANCELLED),
            ConferenceStatus.PUBLISHED, Set.of(ConferenceStatus.COMPLETED, ConferenceStatus.CANCELLED),
            ConferenceStatus.COMPLETED, Set.of(),
            ConferenceStatus.CANCELLED, Set.of());

    @AggregateIdentifier
    private String eventId;
    private String organizationId;
    private ConferenceStatus status;
    private int capacity;
    @AggregateMember
    private Sessions sessions = new Sessions();
    @AggregateMember
    private Registrations registrations = new Registrations();

    Conference() {
        // for Axon
    }

    @Override
    public long approximateBytes() {
        return BASE_BYTES + sessions.approximateBytes() + registrations.approximateBytes();
    }

    @CommandHandler
    Conference(ScheduleConference command) {
        if (!command.actor().organizes(command.organizationId())) {
            throw new ForbiddenException("Only an organizer of " + command.organizationId() + " schedules its events");
        }
        apply(new ConferenceScheduled(command.eventId(), command.organizationId(), command.name(), command.startDate(),
                command.endDate(), command.capacity(), command.at()));
    }

    @CommandHandler
    Accepted handle(ChangeStatus command) {
        requireOrganizer(command.actor());
        if (command.status() != status) {
            if (!TRANSITIONS.get(status).contains(command.status())) {
                throw new RuleViolationException("The event cannot go from " + status + " to " + command.status());
            }
            apply(new ConferenceStatusChanged(eventId, status, command.status(), command.at()));
        }
        return accepted(eventId);
    }

    @CommandHandler
    Accepted handle(AddSession command, ConferenceLimits limits) {
        requireOrganizer(command.actor());
        return sessions.add(command, status, limits);
    }

    @CommandHandler
    Accepted handle(ChangeSessionRoom command) {
        requireOrganizer(command.actor());
        return sessions.changeRoom(command, status);
    }

    @CommandHandler
    Accepted handle(CancelSession command) {
        requireOrganizer(command.actor());
        return sessions.cancel(command, status);
    }

    @CommandHandler
    Accepted handle(AssignSpeaker command, ConferenceLimits limits) {
        requireOrganizer(command.actor());
        return sessions.assignSpeaker(command, status, limits);
    }

    @CommandHandler
    Accepted handle(RemoveSpeaker command) {
        requireOrganizer(command.actor());
        return sessions.removeSpeaker(command, status);
    }

    @CommandHandler
    List<Decision> handle(RegisterPeople command, ConferenceLimits limits) {
        return registrations.registerAll(command, status, capacity, organizationId, limits);
    }

    @CommandHandler
    Accepted handle(CancelRegistration command) {
        return registrations.cancel(command, status, organizationId);
    }

    /** Whatever its status: a person may be forgotten from a completed or cancelled conference too. */
    @CommandHandler
    Accepted handle(ForgetPerson command) {
        apply(new PersonForgotten(eventId, command.userId(), command.at()));
        return accepted(eventId);
    }

    @EventSourcingHandler
    void on(ConferenceScheduled event) {
        eventId = event.eventId();
        organizationId = event.organizationId();
        status = ConferenceStatus.DRAFT;
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ConferenceStatusChanged event) {
        status = event.to();
    }

    /** To anyone but its organizers, a conference answers exactly as one that does not exist. */
    private void requireOrganizer(Actor actor) {
        if (!actor.organizes(organizationId)) {
            throw unknown(eventId);
        }
    }

    /** What an unknown conference answers (as Axon's AggregateNotFoundException is answered). */
    static UnknownEntityException unknown(String eventId) {
        return new UnknownEntityException("No event " + eventId);
    }

    static void requireOpen(ConferenceStatus status) {
        if (!OPEN.contains(status)) {
            throw new RuleViolationException("The event is " + status + " and takes no more changes");
        }
    }

    /** The answer to a command on this conference: the version it left the aggregate at. */
    static Accepted accepted(String id) {
        return new Accepted(id, getVersion() == null ? 0 : getVersion());
    }
}
