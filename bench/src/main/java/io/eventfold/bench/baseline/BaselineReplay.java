package io.eventfold.bench.baseline;

import io.eventfold.bench.Measured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the baseline: first loads the events into Axon's event store (not timed), then starts the projector
 * and times it from its first handled event to its last, or until the time budget is spent.
 */
public final class BaselineReplay {

    private BaselineReplay() {
    }

    /** An event to store: its conference, version and payload. */
    public record Event(String aggregateId, long version, Object payload) {
    }

    public static Measured.Replay run(String jdbcUrl, String user, Consumer<Consumer<Event>> events,
                                      Duration budget) {
        var settings = Map.<String, Object>of("spring.datasource.url", jdbcUrl, "spring.datasource.username", user,
                "spring.jpa.hibernate.ddl-auto", "update", "axon.axonserver.enabled", false,
                "axon.update-check.disabled", true, "spring.main.banner-mode", "off",
                "logging.level.root", "WARN");
        long loaded;
        try (var context = new SpringApplicationBuilder(BaselineApplication.class).profiles("load")
                .properties(settings).web(WebApplicationType.NONE).run()) {
            loaded = load(context.getBean(EventStorageEngine.class), context.getBean(TransactionTemplate.class),
                    events);
        }
        ConferenceProjector.HANDLED.set(0);
        ConferenceProjector.FIRST_AT.set(0);
        try (var context = new SpringApplicationBuilder(BaselineApplication.class).profiles("project")
                .properties(settings).web(WebApplicationType.NONE).run()) {
            long deadline = System.nanoTime() + budget.toNanos();
            while (ConferenceProjector.HANDLED.get() < loaded && System.nanoTime() < deadline) {
                sleep(100);
            }
            long handled = ConferenceProjector.HANDLED.get();
            long nanos = ConferenceProjector.LAST_AT.get() - ConferenceProjector.FIRST_AT.get();
            return new Measured.Replay("Axon-style JPA projector (tracking processor, Axon defaults)", handled,
                    loaded, nanos);
        }
    }

    private static long load(EventStorageEngine engine, TransactionTemplate transaction,
                             Consumer<Consumer<Event>> events) {
        var batch = new ArrayList<DomainEventMessage<?>>();
        long[] count = {0};
        events.accept(event -> {
            batch.add(new GenericDomainEventMessage<>("Conference", event.aggregateId(), event.version(),
                    event.payload()));
            count[0]++;
            if (batch.size() == 1000) {
                append(engine, transaction, batch);
            }
        });
        append(engine, transaction, batch);
        return count[0];
    }

    private static void append(EventStorageEngine engine, TransactionTemplate transaction,
                               List<DomainEventMessage<?>> batch) {
        if (!batch.isEmpty()) {
            transaction.executeWithoutResult(status -> engine.appendEvents(List.copyOf(batch)));
            batch.clear();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
