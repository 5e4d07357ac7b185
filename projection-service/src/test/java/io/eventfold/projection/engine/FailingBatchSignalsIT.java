package io.eventfold.projection.engine;

import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static io.eventfold.projection.engine.ProjectionServiceIT.dashboardVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.infra.HttpJson;
import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TableLessProjection;
import io.eventfold.projection.TopicWriter;
import io.eventfold.projection.rebuild.ProjectionOverview;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.testsupport.TestIssuerInitializer;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.test.context.ContextConfiguration;

/**
 * While every batch fails for a reason outside the events (here a projection that finds the database away),
 * the projector retries it whole, parks nothing, and says so: health DOWN, lag above zero on the admin overview
 * and on the Prometheus endpoint. Once the cause is gone, the same batch is written and all is well again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eventfold.projection.unhealthy-after=1s", "eventfold.projection.retry-backoff=200ms"})
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestIssuerInitializer.class})
class FailingBatchSignalsIT extends RunningProjector {

    static final AtomicBoolean DATABASE_AWAY = new AtomicBoolean();

    @TestConfiguration
    static class AwayConfig {

        @Bean
        Projection away() {
            return new TableLessProjection("away", (batch, parking) -> {
                if (DATABASE_AWAY.get()) {
                    throw new TransientDataAccessResourceException("simulated: database away");
                }
            });
        }
    }

    @Autowired
    ProjectionOverview overview;
    @LocalServerPort
    int port;

    @Test
    void a_batch_that_keeps_failing_shows_in_health_and_lag_until_it_is_written() {
        var before = "before-" + UUID.randomUUID();
        var during = "during-" + UUID.randomUUID();
        var http = new HttpJson("http://localhost:" + port);
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            writer.send(scheduled(before, "acme"));
            await().atMost(Duration.ofSeconds(20)).until(() -> dashboardVersion(jdbc, before) == 0);
            DATABASE_AWAY.set(true);
            writer.send(scheduled(during, "acme"));
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/actuator/health").status() == 503);
        var health = http.get("/actuator/health").json().get("components").get("projector");
        assertThat(health.get("status").asString()).isEqualTo("DOWN");
        assertThat(health.get("details").get("lastFailure").asString())
                .isEqualTo("TransientDataAccessResourceException");
        assertThat(overview.projections()).allSatisfy(p -> assertThat(p.lagEvents()).isPositive());
        assertThat(http.withBearer(TestIssuer.operator()).get("/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith("eventfold_projection_lag_events{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                .as("records read but not written are lag").isPositive();
        assertThat(dashboardVersion(jdbc, during)).isEqualTo(-1);
        assertThat(jdbc.sql("select count(*) from dead_letter where conference_id = ?").param(during)
                .query(Long.class).single()).as("nothing parked for a fault of the environment").isZero();

        DATABASE_AWAY.set(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> dashboardVersion(jdbc, during) == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get("/actuator/health").status() == 200);
        assertThat(overview.projections()).allSatisfy(p -> assertThat(p.lagEvents()).isZero());
    }
}
