package io.eventfold.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The infrastructure refuses to start rather than run on a port or data directory that is not its own. */
class FailsClosedIT {

    private static final Duration START = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private final long thisPid = ProcessHandle.current().pid();

    @AfterEach
    void stopLeftOverPostmasters() throws IOException {
        Postmasters.killAllUnder(root);
    }

    @Test
    void postgres_exits_naming_the_port_and_its_holder_when_the_port_is_taken() throws Exception {
        try (var held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var infra = InfraProcess.start(root.resolve("home"), ports(held.getLocalPort()), "postgres")) {

            assertThat(infra.exitCode(START)).isEqualTo(1);
            assertThat(infra.output()).contains("port " + held.getLocalPort() + " is already in use")
                    .contains("held by pid " + thisPid);
            assertThat(root.resolve("home/postgres.ready")).doesNotExist();
        }
    }

    @Test
    void postgres_refuses_a_port_served_by_the_postgresql_of_another_home() throws Exception {
        int port = Ports.free();
        try (var other = PostgresServer.start(root.resolve("other/postgres"), port, true, Map.of());
             var infra = InfraProcess.start(root.resolve("home"), ports(port), "postgres")) {

            assertThat(infra.exitCode(START)).isEqualTo(1);
            // Refused before starting, or (if the port was taken in between) by the check of the data directory.
            assertThat(infra.output()).contains("port " + port + " is")
                    .contains("postgres -D " + root.resolve("other/postgres"));
            assertThat(root.resolve("home/postgres.ready")).doesNotExist();
        }
    }

    @Test
    void a_postgresql_of_another_data_directory_on_the_port_is_not_taken_for_ours() throws Exception {
        int port = Ports.free();
        try (var other = PostgresServer.start(root.resolve("other"), port, true, Map.of())) {
            var ours = Files.createDirectories(root.resolve("ours"));

            assertThatThrownBy(() -> PostgresServer.requireServes(port, ours))
                    .hasMessageContaining("serves " + root.resolve("other")).hasMessageContaining("not " + ours);
            PostgresServer.requireServes(port, root.resolve("other"));
        }
    }

    @Test
    void kafka_exits_naming_the_port_when_the_port_is_taken() throws Exception {
        try (var held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             var infra = InfraProcess.start(root.resolve("home"), ports(held.getLocalPort()), "kafka")) {

            assertThat(infra.exitCode(START)).isEqualTo(1);
            assertThat(infra.output()).contains("Kafka cannot start: port " + held.getLocalPort())
                    .contains("held by pid " + thisPid);
            assertThat(root.resolve("home/kafka.ready")).doesNotExist();
        }
    }

    /** One port for PostgreSQL and Kafka alike: each test starts only one of them. */
    private static Map<String, String> ports(int port) {
        return Map.of("EVENTFOLD_PG_PORT", String.valueOf(port), "EVENTFOLD_KAFKA_PORT", String.valueOf(port),
                "EVENTFOLD_KAFKA_CONTROLLER_PORT", String.valueOf(Ports.free()));
    }
}
