package io.eventfold.bench;

import io.eventfold.infra.HttpJson;

/**
 * command-service's running totals of its registration queue's batches ({@code eventfold_registration_batch}):
 * commands sent and registrations they carried. Two readings around a run give its registrations per command,
 * which says how often requests met on a conference and were decided together.
 */
record RegistrationBatches(long commands, double registrations) {

    private static final String SERIES = "eventfold_registration_batch";

    static RegistrationBatches read(HttpJson command) {
        return parse(PrometheusText.scrape(command, "command-service", SERIES));
    }

    static RegistrationBatches parse(String prometheus) {
        return new RegistrationBatches((long) PrometheusText.value(prometheus, SERIES + "_count"),
                PrometheusText.value(prometheus, SERIES + "_sum"));
    }

    /** Registrations per command since {@code earlier}; NaN if no command was sent. */
    double perCommandSince(RegistrationBatches earlier) {
        long sent = commands - earlier.commands;
        return sent > 0 ? (registrations - earlier.registrations) / sent : Double.NaN;
    }
}
