package io.eventfold.bench.baseline;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The normalized JPA entities the baseline projector maintains, as an Axon application would have them. */
final class Views {

    private Views() {
    }

    @Entity
    @Table(name = "conference_view")
    static class ConferenceView {
        @Id
        String id;
        String organizationId;
        String name;
        String status;
        LocalDate startDate;
        LocalDate endDate;
        int capacity;
    }

    @Entity
    @Table(name = "session_view", indexes = @Index(columnList = "eventId"))
    static class SessionView {
        @Id
        String id;
        String eventId;
        String title;
        String room;
        Instant startsAt;
        Instant endsAt;
        boolean cancelled;
    }

    @Entity
    @Table(name = "speaker_view", indexes = @Index(columnList = "sessionKey"))
    static class SpeakerView {
        @Id
        String id;
        String sessionKey;
        String userId;
        String name;
        String bio;
        String company;
    }

    @Entity
    @Table(name = "registration_view", indexes = @Index(columnList = "eventId"))
    static class RegistrationView {
        @Id
        String id;
        String eventId;
        String userId;
        String name;
        String email;
        String role;
        Instant registeredAt;
        boolean active;
    }
}
