package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceScheduled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Creates conference events idempotently: a retry with the same id and the same details is accepted again
 * without storing anything; the same id with other details is a conflict. The organization is one of the
 * details: an id another organization holds answers the same 409 as any other conflict, and nothing more of
 * that conference (ids are the client's, so that one is taken cannot be hidden).
 */
@Component
class EventScheduling {

    private final CommandGateway gateway;
    private final EventStore eventStore;

    EventScheduling(CommandGateway gateway, EventStore eventStore) {
        this.gateway = gateway;
        this.eventStore = eventStore;
    }

    void schedule(ScheduleConference command) {
        if (alreadyScheduled(command)) {
            return;
        }
        try {
            gateway.sendAndWait(command);
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            // Another request, on this instance or another, stored the same id between our check and our insert.
            if (!alreadyScheduled(command)) {
                throw raced;
            }
        }
    }

    private boolean alreadyScheduled(ScheduleConference command) {
        var stream = eventStore.readEvents(command.eventId(), 0);
        if (!stream.hasNext()) {
            return false;
        }
        if (stream.next().getPayload() instanceof ConferenceScheduled stored && sameDetails(stored, command)) {
            return true;
        }
        throw new RuleViolationException("Event " + command.eventId() + " exists with other details");
    }

    private static boolean sameDetails(ConferenceScheduled stored, ScheduleConference command) {
        return stored.organizationId().equals(command.organizationId()) && stored.name().equals(command.name())
                && stored.startDate().equals(command.startDate()) && stored.endDate().equals(command.endDate())
                && stored.capacity() == command.capacity();
    }
}
