package io.eventfold.command.axon;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifier for every message (command, event, result): a time-ordered UUID (version 7) with 74 random
 * bits from the calling thread's own generator. Axon's default, {@code UUID.randomUUID()}, draws from one
 * JVM-wide SecureRandom behind a lock: under load the request threads queued on it, often while holding a
 * conference's lock. A message identifier must be unique, not secret.
 * Time order also keeps inserts into the event store's unique index on it at the index's right edge. Axon finds
 * this class through {@code META-INF/services}.
 */
public final class MessageIdentifiers extends IdentifierFactory {

    /** One generator per thread: JUG's generators lock around each draw. */
    private static final ThreadLocal<NoArgGenerator> PER_THREAD =
            ThreadLocal.withInitial(() -> Generators.timeBasedEpochRandomGenerator(ThreadLocalRandom.current()));

    @Override
    public String generateIdentifier() {
        return PER_THREAD.get().generate().toString();
    }
}
