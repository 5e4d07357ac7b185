package io.eventfold.bench.baseline;

import org.springframework.data.jpa.repository.JpaRepository;

/** Spring Data repositories of the baseline's entities. */
final class Repositories {

    private Repositories() {
    }

    interface Conferences extends JpaRepository<Views.ConferenceView, String> {
    }

    interface Sessions extends JpaRepository<Views.SessionView, String> {
    }

    interface Speakers extends JpaRepository<Views.SpeakerView, String> {
    }

    interface Registrations extends JpaRepository<Views.RegistrationView, String> {
    }
}
