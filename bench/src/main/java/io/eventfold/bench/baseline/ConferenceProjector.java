package io.eventfold.bench.baseline;

import io.eventfold.contracts.conference.ConferenceScheduled;
import io.eventfold.contracts.conference.ConferenceStatusChanged;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.RegistrationCancelled;
import io.eventfold.contracts.session.SessionAdded;
import io.eventfold.contracts.session.SpeakerAssigned;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** One handler per event, each loading and saving entities through the repositories. */
@Component
@Profile("project")
@ProcessingGroup("baseline")
class ConferenceProjector {

    static final AtomicLong HANDLED = new AtomicLong();
    static final AtomicLong FIRST_AT = new AtomicLong();
    static final AtomicLong LAST_AT = new AtomicLong();

    private final Repositories.Conferences conferences;
    private final Repositories.Sessions sessions;
    private final Repositories.Speakers speakers;
    private final Repositories.Registrations registrations;

    ConferenceProjector(Repositories.Conferences conferences, Repositories.Sessions sessions,
                        Repositories.Speakers speakers, Repositories.Registrations registrations) {
        this.conferences = conferences;
        this.sessions = sessions;
        this.speakers = speakers;
        this.registrations = registrations;
    }

    private static void handled() {
        long now = System.nanoTime();
        FIRST_AT.compareAndSet(0, now);
        LAST_AT.set(now);
        HANDLED.incrementAndGet();
    }

    @EventHandler
    void on(ConferenceScheduled e) {
        var view = new Views.ConferenceView();
        view.id = e.eventId();
        view.organizationId = e.organizationId();
        view.name = e.name();
        view.status = "DRAFT";
        view.startDate = e.startDate();
        view.endDate = e.endDate();
        view.capacity = e.capacity();
        conferences.save(view);
        handled();
    }

    @EventHandler
    void on(ConferenceStatusChanged e) {
        conferences.findById(e.eventId()).ifPresent(view -> {
            view.status = e.to().name();
            conferences.save(view);
        });
        handled();
    }

    @EventHandler
    void on(SessionAdded e) {
        var view = new Views.SessionView();
        view.id = e.eventId() + "/" + e.sessionId();
        view.eventId = e.eventId();
        view.title = e.title();
        view.room = e.room();
        view.startsAt = e.startsAt();
        view.endsAt = e.endsAt();
        sessions.save(view);
        handled();
    }

    @EventHandler
    void on(SpeakerAssigned e) {
        var view = new Views.SpeakerView();
        view.id = e.eventId() + "/" + e.sessionId() + "/" + e.userId();
        view.sessionKey = e.eventId() + "/" + e.sessionId();
        view.userId = e.userId();
        view.name = e.name();
        view.bio = e.bio();
        view.company = e.company();
        speakers.save(view);
        handled();
    }

    @EventHandler
    void on(PersonRegistered e) {
        var view = new Views.RegistrationView();
        view.id = e.eventId() + "/" + e.registrationId();
        view.eventId = e.eventId();
        view.userId = e.userId();
        view.name = e.name();
        view.email = e.email();
        view.role = e.role().name();
        view.registeredAt = e.registeredAt();
        view.active = true;
        registrations.save(view);
        handled();
    }

    @EventHandler
    void on(RegistrationCancelled e) {
        registrations.findById(e.eventId() + "/" + e.registrationId()).ifPresent(view -> {
            view.active = false;
            registrations.save(view);
        });
        handled();
    }
}
