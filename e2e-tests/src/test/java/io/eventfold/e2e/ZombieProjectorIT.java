package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventfold.e2e.EventFoldSystem.Service;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Two projection-service processes share the partitions; one is paused (SIGSTOP) past its session timeout, so
 * its partitions move to the other while it may still hold a batch, and then resumed: a zombie that wakes up
 * and tries to write. Afterwards every dashboard and count equals the classic computation: nothing lost,
 * nothing counted twice, no row put back.
 */
class ZombieProjectorIT extends FullSystemIT {

    @Test
    void a_paused_projector_that_wakes_up_after_losing_its_partitions_changes_nothing() throws Exception {
        var writers = new LoadWriters(system, oracle, "zombie", 3);
        var second = system.launchAnother(Service.PROJECTION);
        Thread.sleep(2000);
        long zombie = system.pid(Service.PROJECTION);

        signal("STOP", zombie);
        int playedWhilePaused = writers.played();
        Thread.sleep(15_000);
        signal("CONT", zombie);
        Thread.sleep(3000);
        writers.stop();

        assertThat(writers.played()).as("commands flowed while it was paused").isGreaterThan(playedWhilePaused);
        second.requireAlive();
        writers.assertReadModelEqualsOracle(oracle);
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }
}
