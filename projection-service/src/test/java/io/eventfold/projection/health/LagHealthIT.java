package io.eventfold.projection.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.testsupport.TestIssuer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A poisoned conference: its event is parked, not applied, so it is lag (no lag at all allowed here) until an
 * operator skips it. Health is DEGRADED meanwhile, still 200, and the metrics say what waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.health.max-lag-events=0", "eventfold.projection.health.max-lag-time=1h"})
class LagHealthIT extends RunningProjector {

    @LocalServerPort
    int port;

    @Test
    void a_parked_event_degrades_health_and_shows_as_lag_until_an_operator_skips_it() {
        var health = new HttpJson("http://localhost:" + port);
        var operator = new HttpJson("http://localhost:" + port).withBearer(TestIssuer.operator());

        long letter = parkedDeadLetter();

        var degraded = await().atMost(Duration.ofSeconds(20)).until(() -> health.get("/actuator/health"),
                r -> r.json().path("status").asString().equals("DEGRADED"));
        assertThat(degraded.status()).isEqualTo(200);
        var lag = degraded.json().path("components").path("lag").path("details").path("dashboard");
        assertThat(lag.path("lagEvents").asLong()).isPositive();
        var metrics = operator.get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "eventfold_projection_pending_events{projection=\"dashboard\"}")).isPositive();
        assertThat(gauge(metrics, "eventfold_projection_pending_seconds{projection=\"dashboard\"}")).isPositive();
        assertThat(gauge(metrics, "eventfold_projection_parked_conferences{projection=\"dashboard\"}")).isOne();
        assertThat(gauge(metrics, "eventfold_projection_dead_letters{projection=\"dashboard\",state=\"PARKED\"}"))
                .isOne();

        assertThat(OperatorClient.operator(port).send("POST", "/admin/dead-letters/" + letter + "/skip").status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> health.get("/actuator/health").json().path("status")
                .asString().equals("UP"));
        metrics = operator.get("/actuator/prometheus").body();
        assertThat(gauge(metrics, "eventfold_projection_pending_events{projection=\"dashboard\"}")).isZero();
        assertThat(gauge(metrics, "eventfold_projection_dead_letters{projection=\"dashboard\",state=\"SKIPPED\"}"))
                .isOne();
    }

    /** The value of the series that starts with {@code series} (its name and its first labels, in order). */
    static double gauge(String prometheus, String series) {
        var prefix = series.endsWith("}") ? series.substring(0, series.length() - 1) : series;
        return prometheus.lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(series + " not exposed"));
    }
}
