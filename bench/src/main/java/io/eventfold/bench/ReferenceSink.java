package io.eventfold.bench;

import io.eventfold.reference.ReferenceStore;
import java.time.Instant;
import java.time.LocalDate;

/** Renders workload steps into the classic normalized tables: the reference application's writes. */
final class ReferenceSink implements Sink {

    private final ReferenceStore store;

    ReferenceSink(ReferenceStore store) {
        this.store = store;
    }

    @Override
    public void schedule(String id, String org, String name, LocalDate start, LocalDate end, int capacity) {
        store.scheduleEvent(id, org, name, start, end, capacity);
    }

    @Override
    public void addSession(String id, String sessionId, String title, String room, Instant starts, Instant ends) {
        store.addSession(id, sessionId, title, room, starts, ends);
    }

    @Override
    public void assignSpeaker(String id, String sessionId, String userId, String name, String bio, String company) {
        store.assignSpeaker(id, sessionId, userId, name, bio, company);
    }

    @Override
    public void changeStatus(String id, String from, String to) {
        store.changeStatus(id, to);
    }

    @Override
    public void register(String id, String registrationId, String userId, String name, String email, String role) {
        store.register(id, registrationId, userId, name, email, role);
    }

    @Override
    public void cancel(String id, String registrationId, String userId, String role) {
        store.cancelRegistration(id, registrationId);
    }
}
