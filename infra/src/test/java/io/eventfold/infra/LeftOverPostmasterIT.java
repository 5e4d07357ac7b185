package io.eventfold.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed run leaves in its home does not stop the next run from coming up on the same data. */
class LeftOverPostmasterIT {

    private static final Duration START = Duration.ofSeconds(20);

    @TempDir
    Path root;

    @AfterEach
    void stopLeftOverPostmasters() throws Exception {
        Postmasters.killAllUnder(root);
    }

    @Test
    void a_postmaster_left_by_a_killed_run_is_stopped_and_the_next_run_serves_the_same_data() throws Exception {
        var home = root.resolve("home");
        int port = Ports.free();
        var env = Map.of("EVENTFOLD_PG_PORT", String.valueOf(port));
        try (var killed = InfraProcess.start(home, env, "postgres")) {
            assertThat(killed.becomesReady("postgres", START)).as(killed.output()).isTrue();
            execute(port, "create table kept (id int)");
            killed.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        var leftOver = Postmasters.of(home.resolve("postgres")).orElseThrow();
        assertThat(leftOver.isAlive()).as("the postmaster outlives a SIGKILL of its run").isTrue();

        try (var next = InfraProcess.start(home, env, "postgres")) {
            assertThat(next.becomesReady("postgres", START)).as(next.output()).isTrue();

            assertThat(next.output()).contains("Stopping PostgreSQL pid " + leftOver.pid() + " left running");
            assertThat(leftOver.isAlive()).isFalse();
            execute(port, "insert into kept values (1)");
            var current = Postmasters.of(home.resolve("postgres")).orElseThrow();

            next.process.destroy();
            assertThat(next.exitCode(START)).as("stops on SIGTERM").isNotEqualTo(-1);
            assertThat(current.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(home.resolve("postgres.ready")).doesNotExist();
        }
    }

    @Test
    void a_postmaster_pid_file_naming_a_process_that_is_not_postgresql_does_not_block_the_start() throws Exception {
        var data = root.resolve("postgres");
        PostgresServer.start(data, Ports.free(), false, Map.of()).close();
        var unrelated = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");

            try (var server = PostgresServer.start(data, Ports.free(), false, Map.of())) {
                assertThat(server.ensureDatabase("after_stale_pid")).endsWith("/after_stale_pid");
            }
            assertThat(unrelated.isAlive()).isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static void execute(int port, String sql) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/eventfold",
                PostgresServer.USER, "")) {
            connection.createStatement().execute(sql);
        }
    }
}
