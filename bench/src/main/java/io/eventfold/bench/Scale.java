package io.eventfold.bench;

/**
 * How big a workload is. Registrations are spread with a heavy skew: the hottest conferences hold most of
 * them, as with real conference platforms. {@code hotSessions} is the session count of the hottest one.
 */
enum Scale {
    DEMO(4, 24, 8_000, 40),
    SMALL(5, 50, 20_000, 60),
    MEDIUM(10, 200, 150_000, 200),
    LARGE(20, 1_000, 900_000, 200);

    final int organizations;
    final int conferences;
    final int registrations;
    final int hotSessions;

    Scale(int organizations, int conferences, int registrations, int hotSessions) {
        this.organizations = organizations;
        this.conferences = conferences;
        this.registrations = registrations;
        this.hotSessions = hotSessions;
    }
}
