package io.eventfold.bench;

import io.eventfold.reference.ReferenceStore;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Renders one conference's workload steps into the classic normalized tables (the reference application's
 * writes); the others' are ignored, since the read benchmark reads only that conference.
 */
final class ReferenceSink implements Sink {

    private final ReferenceStore store;
    private final String conference;

    ReferenceSink(ReferenceStore store, String conference) {
        this.store = store;
        this.conference = conference;
    }

    @Override
    public void schedule(String id, String org, String name, LocalDate start, LocalDate end, int capacity) {
        if (!id.equals(conference)) {
            return;
        }
        store.scheduleEvent(id, org, name, start, end, capacity);
    }

    @Override
    public void addSession(String id, String sessionId, String title, String room, Instant starts, Instant ends) {
        if (!id.equals(conference)) {
            return;
        }
        store.addSession(id, sessionId, title, room, starts, ends);
    }

    @Override
    public void assignSpeaker(String id, String sessionId, String userId, String name, String bio, String company) {
        if (!id.equals(conference)) {
            return;
        }
        store.assignSpeaker(id, sessionId, userId, name, bio, company);
    }

    @Override
    public void changeStatus(String id, String from, String to) {
        if (!id.equals(conference)) {
            return;
        }
        store.changeStatus(id, to);
    }

    @Override
    public void register(String id, String registrationId, String userId, String name, String email, String role) {
        if (!id.equals(conference)) {
            return;
        }
        store.register(id, registrationId, userId, name, email, role);
    }

    @Override
    public void cancel(String id, String registrationId, String userId, String role) {
        if (!id.equals(conference)) {
            return;
        }
        store.cancelRegistration(id, registrationId);
    }
}
