package io.eventfold.command.conference;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;

/**
 * An active registration as the aggregate remembers it: whose it is and its role (a cancellation's event names
 * both), the version it was stored at (a retry's answer) and a fingerprint of its name and e-mail (whether a
 * retry is the same). Written as a JSON array in snapshots: a large conference holds tens of thousands.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
record ActiveRegistration(String userId, Role role, long version, long details) {

    static ActiveRegistration of(PersonRegistered event, long version) {
        return new ActiveRegistration(event.userId(), event.role(), version, details(event.name(), event.email()));
    }

    boolean sameAs(RegisterPerson command) {
        return userId.equals(command.userId()) && role == command.role()
                && details == details(command.name(), command.email());
    }

    private static long details(String name, String email) {
        return Fingerprint.of(name, email);
    }
}
