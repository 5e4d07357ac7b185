package io.eventfold.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.eventfold.e2e.EventFoldSystem.Service;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./eventfold status} against a running system: every service's health, the projections, dead letters. */
class CliStatusIT {

    private static final Path SCRIPT = Path.of("..", "eventfold").toAbsolutePath().normalize();

    private final EventFoldSystem system = SharedSystem.system();

    @Test
    void status_shows_every_service_the_projections_and_the_parked_dead_letters() throws Exception {
        var output = status(Map.of());

        assertThat(output).containsPattern("query-api\\s+:\\d+\\s+(UP|DEGRADED)")
                .containsPattern("command-service\\s+:\\d+\\s+(UP|DEGRADED)\\s+.*relay lag \\d+ events, \\d+ s")
                .containsPattern("projection-service\\s+:\\d+\\s+(UP|DEGRADED)")
                .containsPattern("(?m)^dashboard\\s+\\d+\\s+\\w+").containsPattern("(?m)^status-counts\\s+\\d+")
                .containsPattern("dead letters parked: \\d+");
    }

    @Test
    void a_service_that_does_not_answer_is_shown_unreachable_not_left_out() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var output = status(Map.of("EVENTFOLD_QUERY_PORT", String.valueOf(closed)));

        assertThat(output).containsPattern("query-api\\s+:\\d+\\s+UNREACHABLE")
                .containsPattern("command-service\\s+:\\d+\\s+(UP|DEGRADED)");
    }

    private String status(Map<String, String> overrides) throws Exception {
        assumeTrue(onPath("jq") && onPath("curl") && onPath("column"), "needs jq, curl and column on the PATH");
        var process = new ProcessBuilder("bash", SCRIPT.toString(), "status").redirectErrorStream(true);
        var env = process.environment();
        env.put("EVENTFOLD_QUERY_PORT", port(Service.QUERY));
        env.put("EVENTFOLD_COMMAND_PORT", port(Service.COMMAND));
        env.put("EVENTFOLD_PROJECTION_PORT", port(Service.PROJECTION));
        env.put("EVENTFOLD_OPERATOR_TOKEN", Tokens.OPERATOR.get());
        env.putAll(overrides);
        var started = process.start();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        var output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(started.exitValue()).as(output).isZero();
        return output;
    }

    private String port(Service service) {
        return String.valueOf(URI.create(system.url(service)).getPort());
    }

    private static boolean onPath(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool));
    }
}
