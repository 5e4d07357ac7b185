package io.eventfold.command.conference;

import io.eventfold.security.Caller;
import io.eventfold.security.Role;
import java.util.Set;

/**
 * Who sends a command, as far as a conference needs to know to decide whether they may: the token's subject,
 * the organizations whose conferences they run, and whether they may register themselves as an attendee.
 */
record Actor(String subject, Set<String> organizes, boolean attendee) {

    Actor {
        organizes = Set.copyOf(organizes);
    }

    static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.is(Role.ORGANIZER) ? caller.organizations() : Set.of(),
                caller.is(Role.ATTENDEE));
    }

    boolean organizes(String organizationId) {
        return organizes.contains(organizationId);
    }
}
