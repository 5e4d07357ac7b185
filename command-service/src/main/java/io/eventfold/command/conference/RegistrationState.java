package io.eventfold.command.conference;

import io.eventfold.command.conference.ConferenceCommands.RegisterPerson;
import io.eventfold.contracts.registration.PersonRegistered;

/** A registration as the aggregate remembers it, with the version it was stored at for idempotent retries. */
record RegistrationState(PersonRegistered registered, long registeredAtVersion, boolean active) {

    boolean sameAs(RegisterPerson command) {
        return registered.userId().equals(command.userId()) && registered.name().equals(command.name())
                && registered.email().equals(command.email()) && registered.role() == command.role();
    }

    RegistrationState asCancelled() {
        return new RegistrationState(registered, registeredAtVersion, false);
    }
}
