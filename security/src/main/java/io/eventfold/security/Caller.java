package io.eventfold.security;

import java.util.Set;

/**
 * Who sent a request, as its validated token says: the subject, the roles, and the organizations an organizer
 * or reader acts for. Controllers take it as a parameter; what each role may do is decided where the data is.
 */
public record Caller(String subject, Set<Role> roles, Set<String> organizations) {

    public Caller {
        roles = Set.copyOf(roles);
        organizations = Set.copyOf(organizations);
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Runs this organization's conferences, and sees their personal data. */
    public boolean organizes(String organizationId) {
        return is(Role.ORGANIZER) && organizations.contains(organizationId);
    }

    /** Reads this organization's dashboards, search and counts: its organizers and its readers. */
    public boolean reads(String organizationId) {
        return (is(Role.ORGANIZER) || is(Role.READER)) && organizations.contains(organizationId);
    }
}
