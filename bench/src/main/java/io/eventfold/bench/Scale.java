package io.eventfold.bench;

/**
 * How big a workload is. Registrations are spread with a heavy skew: the hottest conferences hold most of
 * them, as with real conference platforms. Beside them, one conference of a fixed size ({@code dashboard*})
 * is what the dashboard read benchmark reads.
 */
enum Scale {
    TINY(2, 5, 300, 5, 10, 100),
    DEMO(4, 24, 8_000, 40, 0, 0),
    SMALL(5, 50, 20_000, 60, 200, 5_000),
    MEDIUM(10, 200, 150_000, 200, 200, 5_000),
    LARGE(20, 1_000, 950_000, 200, 200, 5_000);

    final int organizations;
    final int conferences;
    final int registrations;
    final int hotSessions;
    final int dashboardSessions;
    final int dashboardRegistrations;

    Scale(int organizations, int conferences, int registrations, int hotSessions, int dashboardSessions,
          int dashboardRegistrations) {
        this.organizations = organizations;
        this.conferences = conferences;
        this.registrations = registrations;
        this.hotSessions = hotSessions;
        this.dashboardSessions = dashboardSessions;
        this.dashboardRegistrations = dashboardRegistrations;
    }

    /**
     * The workload the command runs play: this scale's own, up to medium's 200 conferences. Large's 1,000
     * would take minutes to set up through the HTTP API, and 200 conferences already spread the load: with
     * small's 50, the hottest few held most registrations, and their commands queued on one another.
     */
    Scale ofCommands() {
        return compareTo(MEDIUM) > 0 ? MEDIUM : this;
    }
}
