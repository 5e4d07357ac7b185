package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.AddSession;
import io.eventfold.contracts.session.SessionAdded;
import java.util.LinkedHashSet;
import java.util.Set;

/** What the aggregate needs to know of a session to decide: never read by queries. */
record SessionState(SessionAdded added, long addedAtVersion, String room, boolean cancelled, Set<String> speakers) {

    static SessionState added(SessionAdded event, long version) {
        return new SessionState(event, version, event.room(), false, Set.of());
    }

    boolean sameAs(AddSession command) {
        return added.title().equals(command.title()) && added.room().equals(command.room())
                && added.startsAt().equals(command.startsAt()) && added.endsAt().equals(command.endsAt());
    }

    SessionState withRoom(String newRoom) {
        return new SessionState(added, addedAtVersion, newRoom, cancelled, speakers);
    }

    SessionState asCancelled() {
        return new SessionState(added, addedAtVersion, room, true, speakers);
    }

    SessionState withSpeaker(String userId) {
        var more = new LinkedHashSet<>(speakers);
        more.add(userId);
        return new SessionState(added, addedAtVersion, room, cancelled, Set.copyOf(more));
    }

    SessionState withoutSpeaker(String userId) {
        var fewer = new LinkedHashSet<>(speakers);
        fewer.remove(userId);
        return new SessionState(added, addedAtVersion, room, cancelled, Set.copyOf(fewer));
    }
}
