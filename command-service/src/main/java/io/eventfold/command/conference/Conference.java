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
import io.eventfold.command.conference.ConferenceCommands.RemoveSpeaker;
import io.eventfold.command.conference.ConferenceCommands.ScheduleEvent;
import io.eventfold.contracts.conference.EventScheduled;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.conference.EventStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One conference event: its lifecycle here; its sessions and registrations in members that decide their own
 * commands against the status (and capacity) kept here.
 *
 * <p>The revision names the layout of the aggregate's snapshots. Axon skips a snapshot of another revision and
 * replays the events instead; raise it whenever a field changes shape, or an old snapshot (read with unknown
 * fields ignored) would restore a conference with its registrations silently missing.
 */
@Aggregate(snapshotTriggerDefinition = "conferenceSnapshotTrigger", cache = "conferenceCache",
        commandTargetResolver = ConferenceTarget.BEAN)
@Revision("2")
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
    @AggregateMember
    private Sessions sessions = new Sessions();
    @AggregateMember
    private Registrations registrations = new Registrations();

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
        return sessions.add(command, status);
    }

    @CommandHandler
    Accepted handle(ChangeSessionRoom command) {
        return sessions.changeRoom(command, status);
    }

    @CommandHandler
    Accepted handle(CancelSession command) {
        return sessions.cancel(command, status);
    }

    @CommandHandler
    Accepted handle(AssignSpeaker command) {
        return sessions.assignSpeaker(command, status);
    }

    @CommandHandler
    Accepted handle(RemoveSpeaker command) {
        return sessions.removeSpeaker(command, status);
    }

    @CommandHandler
    List<Decision> handle(RegisterPeople command) {
        return registrations.registerAll(command, status, capacity);
    }

    @CommandHandler
    Accepted handle(CancelRegistration command) {
        return registrations.cancel(command, status);
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

    static void requireOpen(EventStatus status) {
        if (!OPEN.contains(status)) {
            throw new RuleViolationException("The event is " + status + " and takes no more changes");
        }
    }

    /** The answer to a command on this conference: the version it left the aggregate at. */
    static Accepted accepted(String id) {
        return new Accepted(id, getVersion() == null ? 0 : getVersion());
    }
}
