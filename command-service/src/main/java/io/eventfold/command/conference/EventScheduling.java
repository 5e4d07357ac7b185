package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.ScheduleConference;
import io.eventfold.contracts.conference.ConferenceScheduled;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Creates conference events idempotently: a retry with the same id and the same details is accepted again
 * without storing anything; the same id with other details is a conflict. The organization is one of the
 * details: an id another organization holds answers the same 409 as any other conflict, and nothing more of
 * that conference (ids are the client's, so that one is taken cannot be hidden). A create refused its lock
 * because many creates of the same id wait for it waits, bounded, for one of them to store it.
 */
@Component
class EventScheduling {

    private static final Duration STORED_WAIT = Duration.ofSeconds(2);
    private static final Duration POLL = Duration.ofMillis(20);

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
        } catch (LockAcquisitionFailedException busy) {
            // Many creates of this id queue for its lock here: one of them is storing it.
            if (!scheduledWithin(command, STORED_WAIT)) {
                throw busy;
            }
        }
    }

    private boolean scheduledWithin(ScheduleConference command, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (alreadyScheduled(command)) {
                return true;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return alreadyScheduled(command);
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
