package io.eventfold.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Renders workload steps as requests to the command API. */
final class CommandSink implements Sink {

    private Command command;

    static List<Command> commands(List<Workload.Step> steps) {
        var sink = new CommandSink();
        return steps.stream().map(step -> {
            step.accept(sink);
            return sink.command;
        }).toList();
    }

    static List<List<Command>> sequences(List<List<Workload.Step>> sequences) {
        return sequences.stream().map(CommandSink::commands).toList();
    }

    private static String base(String id) {
        return "/api/events/" + id;
    }

    @Override
    public void schedule(String id, String org, String name, LocalDate start, LocalDate end, int capacity) {
        command = Command.post("/api/events", """
                {"eventId":"%s","organizationId":"%s","name":"%s","startDate":"%s","endDate":"%s","capacity":%d}"""
                .formatted(id, org, name, start, end, capacity));
    }

    @Override
    public void addSession(String id, String sessionId, String title, String room, Instant starts, Instant ends) {
        command = Command.post(base(id) + "/sessions", """
                {"sessionId":"%s","title":"%s","room":"%s","startsAt":"%s","endsAt":"%s"}"""
                .formatted(sessionId, title, room, starts, ends));
    }

    @Override
    public void assignSpeaker(String id, String sessionId, String userId, String name, String bio, String company) {
        command = Command.put(base(id) + "/sessions/" + sessionId + "/speakers/" + userId, """
                {"name":"%s","bio":"%s","company":"%s"}""".formatted(name, bio, company));
    }

    @Override
    public void changeStatus(String id, String from, String to) {
        command = Command.post(base(id) + "/status", "{\"status\":\"" + to + "\"}");
    }

    @Override
    public void register(String id, String registrationId, String userId, String name, String email, String role) {
        command = Command.post(base(id) + "/registrations", """
                {"registrationId":"%s","userId":"%s","name":"%s","email":"%s","role":"%s"}"""
                .formatted(registrationId, userId, name, email, role));
    }

    @Override
    public void cancel(String id, String registrationId, String userId, String role) {
        command = Command.delete(base(id) + "/registrations/" + registrationId);
    }
}
