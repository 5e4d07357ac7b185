package io.eventfold.projection.rebuild;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Generation;
import io.eventfold.projection.engine.Parking;
import io.eventfold.projection.engine.Projection;
import io.eventfold.projection.engine.ProjectionDefinition;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Projection code changed without a new version, for the generations a test names: every projection bean
 * folds those generations' events as if a conference's capacity were one more and a published conference were
 * completed, so their dashboards and counts differ from what the unchanged code wrote.
 */
final class ChangedFolds implements BeanPostProcessor {

    private final Set<Generation> changed = ConcurrentHashMap.newKeySet();

    /** From now on, {@code generation} is written by the changed code. */
    void change(Generation generation) {
        changed.add(generation);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof Projection projection ? new Changed(projection) : bean;
    }

    private final class Changed implements Projection {

        private final Projection original;

        Changed(Projection original) {
            this.original = original;
        }

        @Override
        public ProjectionDefinition definition() {
            return original.definition();
        }

        @Override
        public void apply(List<EventEnvelope> batch, Parking parking, Generation generation) {
            original.apply(changed.contains(generation) ? batch.stream().map(ChangedFolds::changed).toList()
                    : batch, parking, generation);
        }
    }

    private static EventEnvelope changed(EventEnvelope e) {
        ConferenceEvent event = e.event();
        if (event instanceof ConferenceScheduled s) {
            event = new ConferenceScheduled(s.eventId(), s.organizationId(), s.name(), s.startDate(), s.endDate(),
                    s.capacity() + 1, s.scheduledAt());
        } else if (event instanceof ConferenceStatusChanged c && c.to() == ConferenceStatus.PUBLISHED) {
            event = new ConferenceStatusChanged(c.eventId(), c.from(), ConferenceStatus.COMPLETED, c.changedAt());
        }
        return new EventEnvelope(e.topic(), e.partition(), e.offset(), e.publishedAt(), e.conferenceId(),
                e.version(), e.headers(), event, e.payload(), e.problem());
    }
}
