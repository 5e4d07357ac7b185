package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StageDelaysTest {

    @Test
    void two_readings_give_the_mean_of_each_stage_in_between() {
        var before = StageDelays.parse(scrape(1.0, 10, 2.0, 10));
        var after = StageDelays.parse(scrape(1.5, 20, 2.8, 20));

        var means = after.since(before);

        assertThat(means.relayMillis()).isCloseTo(50.0, within(1e-9));
        assertThat(means.projectorMillis()).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void a_stage_without_samples_in_between_has_no_mean() {
        var reading = StageDelays.parse(scrape(1.0, 10, 2.0, 10));

        var means = reading.since(reading);

        assertThat(means.relayMillis()).isNaN();
        assertThat(means.projectorMillis()).isNaN();
    }

    /** As Spring Boot's Prometheus endpoint writes the two tagged timers, with a series that must not count. */
    private static String scrape(double relaySum, long relayCount, double projectorSum, long projectorCount) {
        return """
                # TYPE eventfold_projection_stage_delay_seconds summary
                eventfold_projection_stage_delay_seconds{stage="projector",quantile="0.5"} 0.06
                eventfold_projection_stage_delay_seconds_count{stage="projector"} %d
                eventfold_projection_stage_delay_seconds_sum{stage="projector"} %s
                eventfold_projection_stage_delay_seconds_count{stage="relay"} %d
                eventfold_projection_stage_delay_seconds_sum{stage="relay"} %s
                eventfold_projection_stage_delay_seconds_max{stage="relay"} 0.3
                """.formatted(projectorCount, projectorSum, relayCount, relaySum);
    }
}
