package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of projection-service, twice, while commands stream in. After restarts every dashboard and count
 * equals the classic computation: nothing lost, nothing counted twice.
 */
class ProjectionCrashIT extends FullSystemIT {

    @Test
    void a_killed_projector_resumes_to_exactly_the_fold_of_the_events() throws Exception {
        var writers = new LoadWriters(system, oracle, "crash", 3);

        Thread.sleep(1000);
        system.killAndRestart(Service.PROJECTION);
        int playedAtFirstKill = writers.played();
        Thread.sleep(500);
        system.killAndRestart(Service.PROJECTION);
        Thread.sleep(500);
        writers.stop();

        assertThat(playedAtFirstKill).as("commands were flowing at the first kill").isPositive();
        assertThat(writers.played()).isGreaterThan(playedAtFirstKill);
        writers.assertReadModelEqualsOracle(oracle);
    }
}
