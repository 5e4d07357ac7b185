package io.eventfold.bench;

import java.time.Instant;
import java.time.LocalDate;

/** Where a workload step goes: a command to send, or the event the command side would store for it. */
interface Sink {

    void schedule(String id, String org, String name, LocalDate start, LocalDate end, int capacity);

    void addSession(String id, String sessionId, String title, String room, Instant starts, Instant ends);

    void assignSpeaker(String id, String sessionId, String userId, String name, String bio, String company);

    void changeStatus(String id, String from, String to);

    void register(String id, String registrationId, String userId, String name, String email, String role);

    void cancel(String id, String registrationId, String userId, String role);
}
