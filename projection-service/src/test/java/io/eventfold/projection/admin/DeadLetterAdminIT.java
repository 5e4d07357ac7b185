package io.eventfold.projection.admin;

import static io.eventfold.projection.ProjectionFixtures.registered;
import static io.eventfold.projection.ProjectionFixtures.scheduled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.eventfold.contracts.registration.PersonRegistered;
import io.eventfold.contracts.registration.Role;
import io.eventfold.infra.HttpJson;
import io.eventfold.infra.TestInfrastructureInitializer;
import io.eventfold.projection.OperatorClient;
import io.eventfold.projection.RunningProjector;
import io.eventfold.projection.TableLessProjection;
import io.eventfold.projection.TopicWriter;
import io.eventfold.projection.engine.Projection;
import io.eventfold.testsupport.TestIssuer;
import io.eventfold.testsupport.TestIssuerInitializer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A projection fails on a conference's events while a fault is switched on (as a bug would); after the fault
 * is fixed, an operator retries over the admin API and the events are applied in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Declared here too (the base class declares it): Spring looks for the nested @TestConfiguration below only in
// the class that declares @ContextConfiguration.
@ContextConfiguration(initializers = {TestInfrastructureInitializer.class, TestIssuerInitializer.class})
class DeadLetterAdminIT extends RunningProjector {

    static final AtomicBoolean FAULT = new AtomicBoolean(true);
    static final String OPERATOR = TestIssuer.operator();
    static final String READER = TestIssuer.reader("acme");

    /** Records the versions it applies, and refuses registrations while the fault is on. */
    @TestConfiguration
    static class FlakyProjectionConfig {

        @Bean
        Projection flaky(JdbcClient jdbc) {
            jdbc.sql("create table if not exists flaky_applied (conference text, version bigint)").update();
            return new TableLessProjection("flaky", (batch, parking) -> {
                for (var envelope : batch) {
                    if (!parking.admit(envelope)) {
                        continue;
                    }
                    if (FAULT.get() && envelope.event() instanceof PersonRegistered) {
                        parking.failed(envelope, new IllegalStateException("simulated bug"));
                        continue;
                    }
                    jdbc.sql("insert into flaky_applied values (?, ?)")
                            .params(envelope.conferenceId(), envelope.version()).update();
                }
            });
        }
    }

    @LocalServerPort
    int port;

    private HttpJson.Response admin(String method, String path, String token) {
        return new OperatorClient(port, token).send(method, path);
    }

    private List<Long> applied(String conference) {
        return jdbc.sql("select version from flaky_applied where conference = ? order by version")
                .param(conference).query(Long.class).list();
    }

    @Test
    void a_parked_event_is_listed_then_retried_after_the_fix_and_applied_in_order() {
        var id = "flaky-" + UUID.randomUUID();
        try (var writer = new TopicWriter(bootstrapServers, topic.name())) {
            writer.send(scheduled(id, "acme"));
            writer.send(registered(id, "r1", Role.ORGANIZER, 1));
            writer.send(registered(id, "r2", Role.ORGANIZER, 2));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> admin("GET", "/admin/dead-letters", OPERATOR)
                .json().findValuesAsString("conferenceId").stream().filter(id::equals).count() == 2);
        var letters = admin("GET", "/admin/dead-letters", OPERATOR).json();
        var first = letters.valueStream().filter(l -> l.get("conferenceId").asString().equals(id)).findFirst()
                .orElseThrow();

        assertThat(first.get("projection").asString()).isEqualTo("flaky");
        assertThat(first.get("generation").asInt()).as("the live generation parked it").isEqualTo(1);
        assertThat(first.get("aggregateVersion").asLong()).isEqualTo(1);
        assertThat(first.get("reason").asString()).contains("simulated bug");
        assertThat(applied(id)).containsExactly(0L);

        FAULT.set(false);
        var retried = admin("POST", "/admin/dead-letters/" + first.get("id").asLong() + "/retry", OPERATOR);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().get("applied").asInt()).isEqualTo(2);
        assertThat(retried.json().get("stillParked").asInt()).isZero();
        assertThat(applied(id)).containsExactly(0L, 1L, 2L);
        assertThat(admin("GET", "/admin/dead-letters", OPERATOR).json().findValuesAsString("conferenceId"))
                .doesNotContain(id);
    }

    @Test
    void without_an_operator_token_nothing_happens() {
        jdbc.sql("""
                insert into dead_letter (projection, conference_id, topic, partition_no, record_offset, reason)
                values ('flaky', 'nobody', 't', 0, 999999, 'test')""").update();
        var id = jdbc.sql("select id from dead_letter where conference_id = 'nobody'").query(Long.class).single();

        assertThat(admin("GET", "/admin/dead-letters", null).status()).isEqualTo(401);
        assertThat(admin("POST", "/admin/dead-letters/" + id + "/skip", null).status()).isEqualTo(401);
        assertThat(admin("POST", "/admin/dead-letters/" + id + "/skip", READER).status()).isEqualTo(403);
        assertThat(admin("POST", "/admin/dead-letters/" + id + "/retry", READER).status()).isEqualTo(403);
        assertThat(jdbc.sql("select state from dead_letter where id = ?").param(id).query(String.class).single())
                .isEqualTo("PARKED");

        var skipped = admin("POST", "/admin/dead-letters/" + id + "/skip", OPERATOR);
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(jdbc.sql("select state from dead_letter where id = ?").param(id).query(String.class).single())
                .isEqualTo("SKIPPED");
        assertThat(admin("POST", "/admin/dead-letters/" + id + "/skip", OPERATOR).status()).isEqualTo(404);
    }
}
