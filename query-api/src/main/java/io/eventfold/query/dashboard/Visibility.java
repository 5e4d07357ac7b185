package io.eventfold.query.dashboard;

import io.eventfold.security.Caller;
import io.eventfold.security.Role;

/** What a caller sees of one conference's dashboard (notes/auth-roles.md). */
enum Visibility {
    /** The stored document: its organizers. */
    FULL,
    /** The document without the registrants' personal data: its readers, and attendees once it is not a draft. */
    PUBLIC,
    /** Nothing: answered exactly as a conference that does not exist. */
    HIDDEN;

    static Visibility of(Caller caller, String organizationId, String status) {
        if (caller.organizes(organizationId)) {
            return FULL;
        }
        if (caller.reads(organizationId) || caller.is(Role.ATTENDEE) && !"DRAFT".equals(status)) {
            return PUBLIC;
        }
        return HIDDEN;
    }

    /** The form to look up first: most callers see one form of every conference they may see. */
    static Visibility likely(Caller caller) {
        return caller.is(Role.ORGANIZER) ? FULL : PUBLIC;
    }
}
