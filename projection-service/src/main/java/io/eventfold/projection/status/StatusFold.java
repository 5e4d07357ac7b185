package io.eventfold.projection.status;

import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatus;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Fold;

/** A conference's status: scheduled as a draft, then whatever its status changes say. */
final class StatusFold implements Fold<CountedConference> {

    @Override
    public CountedConference apply(CountedConference current, EventEnvelope envelope) {
        if (envelope.event() instanceof ConferenceScheduled scheduled) {
            return new CountedConference(scheduled.eventId(), scheduled.organizationId(), ConferenceStatus.DRAFT.name(),
                    envelope.version());
        }
        if (current == null) {
            throw new IllegalStateException("Status change of unknown event " + envelope.conferenceId());
        }
        var changed = (ConferenceStatusChanged) envelope.event();
        return new CountedConference(current.conferenceId(), current.organizationId(), changed.to().name(),
                envelope.version());
    }

    @Override
    public long version(CountedConference state) {
        return state.version();
    }

    /** It folds only status events, so its versions have gaps. */
    @Override
    public boolean contiguous() {
        return false;
    }
}
