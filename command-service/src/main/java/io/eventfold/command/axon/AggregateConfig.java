package io.eventfold.command.axon;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class AggregateConfig {

    /** Between attempts at a lock, Axon checks for deadlocks; a wait is a number of such attempts. */
    private static final Duration LOCK_ATTEMPT = Duration.ofMillis(50);

    private static final String LAST_SEQUENCE_NUMBER = """
            select coalesce(max(sequence_number), -1) from domain_event_entry where aggregate_identifier = ?""";

    /** A large conference loads from its latest snapshot plus at most this many events. */
    @Bean
    SnapshotTriggerDefinition conferenceSnapshotTrigger(Snapshotter snapshotter,
            @Value("${eventfold.snapshot-every:250}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * A command waits for its conference's lock a bounded time, and only behind a few others: beyond either it
     * fails at once (503, Busy conference), and its request thread goes back to serve other conferences.
     * Axon's default waits a minute behind any number of commands.
     */
    @Bean
    LockFactory conferenceLockFactory(@Value("${eventfold.conference-lock-wait:2s}") Duration wait,
                                      @Value("${eventfold.conference-lock-queue:8}") int queue) {
        int attempt = (int) Math.min(LOCK_ATTEMPT.toMillis(), Math.max(1, wait.toMillis()));
        return PessimisticLockFactory.builder()
                .lockAttemptTimeout(attempt)
                .acquireAttempts((int) Math.max(1, wait.toMillis() / attempt))
                .queueLengthThreshold(queue)
                .build();
    }

    /**
     * Snapshots are taken on their own thread, after the command's transaction: a command that crosses the
     * threshold of a big conference answers without waiting for its snapshot to be serialized and stored.
     */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter() {
        var snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        }));
        return snapshotter;
    }

    /**
     * Keeps recently used conferences in memory, so a command on a busy conference does not replay it. Each use
     * first asks the event store for the conference's version (one lookup on its unique index, in the command's
     * transaction): an entry another instance has moved past, or one ahead of the store, is dropped and reloaded.
     */
    @Bean
    Cache conferenceCache(@Value("${eventfold.aggregate-cache-max-bytes:256MB}") DataSize maxBytes,
                          EntityManagerProvider entityManagers) {
        var cache = new BoundedAggregateCache(maxBytes.toBytes());
        return new StoreCheckedCache(cache, aggregateId -> ((Number) entityManagers
                .getEntityManager().createNativeQuery(LAST_SEQUENCE_NUMBER)
                .setParameter(1, aggregateId)
                .getSingleResult()).longValue());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        var executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(executor, 20))
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
