package io.eventfold.projection.status;

/** A conference's organization and status, and the version of the last status event applied to it. */
record CountedConference(String conferenceId, String organizationId, String status, long version) {

    /** The count this conference adds one to. */
    CountKey countKey() {
        return new CountKey(organizationId, status);
    }

    record CountKey(String organizationId, String status) {
    }
}
