package io.eventfold.projection.status;

import io.eventfold.contracts.conference.EventScheduled;
import io.eventfold.contracts.conference.EventStatus;
import io.eventfold.contracts.conference.EventStatusChanged;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Fold;

/** A conference's status: scheduled as a draft, then whatever its status changes say. */
final class StatusFold implements Fold<ConferenceStatus> {

    @Override
    public ConferenceStatus apply(ConferenceStatus current, EventEnvelope envelope) {
        if (envelope.event() instanceof EventScheduled scheduled) {
            return new ConferenceStatus(scheduled.eventId(), scheduled.organizationId(), EventStatus.DRAFT.name(),
                    envelope.version());
        }
        if (current == null) {
            throw new IllegalStateException("Status change of unknown event " + envelope.conferenceId());
        }
        var changed = (EventStatusChanged) envelope.event();
        return new ConferenceStatus(current.conferenceId(), current.organizationId(), changed.to().name(),
                envelope.version());
    }

    @Override
    public long version(ConferenceStatus state) {
        return state.version();
    }

    /** It folds only status events, so its versions have gaps. */
    @Override
    public boolean contiguous() {
        return false;
    }
}
