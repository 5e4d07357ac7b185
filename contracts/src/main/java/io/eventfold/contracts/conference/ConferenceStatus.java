package io.eventfold.contracts.conference;

/** Lifecycle of a conference event. The order of the constants is the order reports list them in. */
public enum ConferenceStatus {
    DRAFT, PUBLISHED, COMPLETED, CANCELLED
}
