package io.eventfold.contracts.registration;

public enum Role {
    ATTENDEE, SPEAKER, ORGANIZER
}
