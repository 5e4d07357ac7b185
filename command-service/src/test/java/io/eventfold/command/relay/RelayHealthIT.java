package io.eventfold.command.relay;

import static io.eventfold.command.conference.ConferenceFixtures.scheduleJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import tools.jackson.databind.JsonNode;
import io.eventfold.infra.HttpJson;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A relay that cannot publish: health says so (writes still accepted), the lag counts the waiting event. */
@RelayTest
class RelayHealthIT {

    @LocalServerPort
    int port;

    @Test
    void a_stuck_relay_degrades_health_with_a_lag_above_zero_until_it_publishes_again() {
        var base = "http://localhost:" + port;
        var api = new HttpJson(base).withBearer(TestIssuer.organizer("acme"));
        var operator = new HttpJson(base).withBearer(TestIssuer.operator());
        var health = new HttpJson(base);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay(health).path("status").asText().equals("UP"));
        var id = "relay-stuck-" + UUID.randomUUID();
        // Longer than the stuck bound of RelayTest (1 s): the relay's thread waits in the send meanwhile.
        SlowSends.delayFirstSendOf(id, Duration.ofSeconds(6));

        assertThat(api.post("/api/events", scheduleJson(id, 10)).status()).isEqualTo(201);

        var degraded = await().atMost(Duration.ofSeconds(20)).until(() -> health.get("/actuator/health"),
                r -> r.json().path("status").asText().equals("DEGRADED"));
        assertThat(degraded.status()).as("still in service").isEqualTo(200);
        var relay = degraded.json().path("components").path("relay");
        assertThat(relay.path("details").path("note").asText()).isEqualTo("writes are accepted, the relay is behind");
        assertThat(relay.path("details").path("lagEvents").asLong()).isPositive();
        var metrics = operator.get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "eventfold_relay_lag_events")).isPositive();
        assertThat(gauge(metrics, "eventfold_relay_lag_seconds")).isPositive();

        await().atMost(Duration.ofSeconds(30)).until(() -> relay(health).path("status").asText().equals("UP"));
        assertThat(gauge(operator.get("/actuator/prometheus").body(), "eventfold_relay_lag_events")).isZero();
    }

    private static JsonNode relay(HttpJson health) {
        return health.get("/actuator/health").json().path("components").path("relay");
    }

    static double gauge(String prometheus, String name) {
        return prometheus.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not exposed"));
    }
}
