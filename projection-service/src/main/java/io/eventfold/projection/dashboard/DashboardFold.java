package io.eventfold.projection.dashboard;

import io.eventfold.contracts.ConferenceEvent;
import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.person.PersonForgotten;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.registration.Role;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SessionCancelled;
import io.eventfold.contracts.session.SessionRoomChanged;
import io.eventfold.contracts.session.SpeakerAssigned;
import io.eventfold.contracts.session.SpeakerRemoved;
import io.eventfold.projection.engine.EventEnvelope;
import io.eventfold.projection.engine.Fold;
import io.eventfold.projection.dashboard.Dashboard.EventInfo;
import io.eventfold.projection.dashboard.Dashboard.Registration;
import io.eventfold.projection.dashboard.Dashboard.Session;
import io.eventfold.projection.dashboard.Dashboard.Speaker;
import java.util.ArrayList;
import java.util.List;

/**
 * The pure fold: (dashboard, event) → dashboard. {@code null} stands for a conference not scheduled yet.
 * It never looks anything up; the one thing it cannot know alone (the next-newest registration after one
 * of the five listed is cancelled) it reports through {@link Result#needsRecentRefill()}.
 */
final class DashboardFold implements Fold<DashboardFold.Result> {

    /**
     * A dashboard, and whether one of its five newest registrations was cancelled since it was loaded: the store
     * then refills the list from the registration table.
     */
    record Result(Dashboard dashboard, boolean needsRecentRefill) {
    }

    @Override
    public Result apply(Result current, EventEnvelope envelope) {
        var next = apply(current == null ? null : current.dashboard(), envelope.event(), envelope.version());
        return current != null && current.needsRecentRefill() ? new Result(next.dashboard(), true) : next;
    }

    @Override
    public long version(Result state) {
        return state.dashboard().version();
    }

    /** A dashboard folds every event of its conference: one after a missing version waits for it. */
    @Override
    public boolean contiguous() {
        return true;
    }

    static Result apply(Dashboard current, ConferenceEvent event, long version) {
        if (event instanceof ConferenceScheduled e) {
            return done(Dashboard.scheduled(new EventInfo(e.eventId(), e.organizationId(), e.name(), "DRAFT",
                    e.startDate(), e.endDate(), e.capacity()), version));
        }
        if (current == null) {
            throw new IllegalStateException("Event " + event.eventId() + " has no ConferenceScheduled before version "
                    + version);
        }
        var refill = event instanceof RegistrationCancelled c && current.listsRegistration(c.registrationId());
        return new Result(next(current, event).atVersion(version), refill);
    }

    // Java 17: no pattern matching for switch yet, so an instanceof chain.
    private static Dashboard next(Dashboard current, ConferenceEvent event) {
        if (event instanceof ConferenceStatusChanged e) {
            return current.withStatus(e.to().name());
        }
        if (event instanceof SessionAdded e) {
            return current.withSession(
                    new Session(e.sessionId(), e.title(), e.room(), e.startsAt(), e.endsAt(), List.of()));
        }
        if (event instanceof SessionRoomChanged e) {
            return current.withSessionChanged(e.sessionId(), s ->
                    new Session(s.id(), s.title(), e.toRoom(), s.startsAt(), s.endsAt(), s.speakers()));
        }
        if (event instanceof SessionCancelled e) {
            return current.withoutSession(e.sessionId());
        }
        if (event instanceof SpeakerAssigned e) {
            return current.withSessionChanged(e.sessionId(),
                    s -> withSpeaker(s, new Speaker(e.userId(), e.name(), e.bio(), e.company())));
        }
        if (event instanceof SpeakerRemoved e) {
            return current.withSessionChanged(e.sessionId(), s -> new Session(s.id(), s.title(), s.room(),
                    s.startsAt(), s.endsAt(),
                    s.speakers().stream().filter(p -> !p.userId().equals(e.userId())).toList()));
        }
        if (event instanceof PersonRegistered e) {
            return current.withRegistration(registration(e), e.role() == Role.ATTENDEE ? 1 : 0,
                    e.role() == Role.SPEAKER ? 1 : 0);
        }
        if (event instanceof RegistrationCancelled e) {
            return current.withoutRegistration(e.registrationId(), e.role() == Role.ATTENDEE ? -1 : 0,
                    e.role() == Role.SPEAKER ? -1 : 0);
        }
        if (event instanceof PersonForgotten e) {
            return current.withPersonForgotten(e.userId());
        }
        throw new IllegalArgumentException("Unknown event " + event.getClass().getName());
    }

    static Registration registration(PersonRegistered e) {
        return new Registration(e.registrationId(), e.userId(), e.name(), e.email(), e.role().name(),
                e.registeredAt());
    }

    private static Session withSpeaker(Session session, Speaker speaker) {
        var speakers = new ArrayList<>(session.speakers());
        speakers.add(speaker);
        return new Session(session.id(), session.title(), session.room(), session.startsAt(), session.endsAt(),
                List.copyOf(speakers));
    }

    private static Result done(Dashboard dashboard) {
        return new Result(dashboard, false);
    }
}
