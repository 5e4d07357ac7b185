package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegistrationBatchesTest {

    @Test
    void two_readings_give_the_registrations_per_command_in_between() {
        var before = RegistrationBatches.parse(scrape(100, 130));
        var after = RegistrationBatches.parse(scrape(140, 230));

        assertThat(after.perCommandSince(before)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void no_command_in_between_has_no_mean() {
        var reading = RegistrationBatches.parse(scrape(100, 130));

        assertThat(reading.perCommandSince(reading)).isNaN();
    }

    /** As Spring Boot's Prometheus endpoint writes the summary, with a similarly named series that must not count. */
    private static String scrape(long count, double sum) {
        return """
                # HELP eventfold_registration_batch Registrations decided together in one command
                # TYPE eventfold_registration_batch summary
                eventfold_registration_batch_count %d
                eventfold_registration_batch_sum %s
                eventfold_registration_batch_max 16.0
                eventfold_registration_batch_count_other 7
                """.formatted(count, sum);
    }
}
