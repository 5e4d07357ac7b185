package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.Accepted;
import io.eventfold.command.conference.ConferenceCommands.Decision;
import io.eventfold.command.conference.ConferenceCommands.RegisterPeople;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Registrations reach their conference in batches. A conference's aggregate takes one command at a time, each
 * paying its own load, insert and commit under the lock; when its tickets go on sale, every request waits for
 * it. Here, registrations that arrive while one is being decided queue, and the next batch takes them together:
 * one lock, one transaction. Each request still gets its own answer: its version and position, or its own
 * refusal. With 16 clients on one conference this more than doubled the registrations/s (medium bench); spread
 * over many conferences, requests seldom meet and batches stay near one.
 */
@Component
class RegistrationQueue {

    private final CommandGateway gateway;
    private final EventStorePositions positions;
    private final DistributionSummary batchSizes;
    private final KeyedBatcher<String, RegisterPerson, Outcome> batcher;

    RegistrationQueue(CommandGateway gateway, EventStorePositions positions, MeterRegistry meters,
                      @Value("${eventfold.registration-batch:64}") int maxBatch,
                      @Value("${eventfold.registration-queue-limit:8}") int maxWaiting,
                      @Value("${eventfold.registration-queue-wait:2s}") Duration maxWait) {
        this.gateway = gateway;
        this.positions = positions;
        this.batchSizes = DistributionSummary.builder("eventfold.registration.batch")
                .description("Registrations decided together in one command").register(meters);
        this.batcher = new KeyedBatcher<>(this::decide, maxBatch, maxWaiting, maxWait);
    }

    /**
     * The registration once stored, or its refusal thrown as a {@link RuleViolationException}, or, for a
     * conference or registration its sender may not see, as an {@link UnknownEntityException}. A conference
     * whose queue is full, or that did not take it in time, throws {@link ConferenceBusyException}: one hot
     * conference holds at most {@code maxWaiting} request threads, each for a bounded time.
     */
    Registered register(RegisterPerson registration) {
        try {
            return batcher.submit(registration.eventId(), registration).registeredOrThrow();
        } catch (KeyedBatcher.Busy busy) {
            throw new ConferenceBusyException(busy.getMessage() + "; retry the registration with the same id");
        }
    }

    /** How many registrations for this conference wait for the next batch; for tests. */
    int queued(String eventId) {
        return batcher.queued(eventId);
    }

    private List<Outcome> decide(String eventId, List<RegisterPerson> registrations) {
        batchSizes.record(registrations.size());
        List<Decision> decisions = gateway.sendAndWait(new RegisterPeople(eventId, registrations));
        return decisions.stream().map(decision -> decision.refusal() != null
                ? new Outcome(null, decision.refusal(), decision.notFound())
                : new Outcome(new Registered(decision.accepted(),
                        positions.positionOf(eventId, decision.accepted().version())), null, false)).toList();
    }

    /** A stored registration: its id, the conference's version after it and its event's global position. */
    record Registered(Accepted accepted, long position) {
    }

    private record Outcome(Registered registered, String refusal, boolean notFound) {

        /** A refusal is thrown on the request's own thread, with that thread's stack. */
        Registered registeredOrThrow() {
            if (refusal != null) {
                throw notFound ? new UnknownEntityException(refusal) : new RuleViolationException(refusal);
            }
            return registered;
        }
    }
}
